import { Module } from "@medusajs/framework/utils"
import ChatwootModuleService from "./service"
import optionsLoader from "./loaders/options"
import clientLoader from "./loaders/client"

export const CHATWOOT_MODULE = "chatwoot"

export default Module(CHATWOOT_MODULE, {
  service: ChatwootModuleService,
  loaders: [optionsLoader, clientLoader],
})

export { ChatwootModuleService }
export * from "./options"

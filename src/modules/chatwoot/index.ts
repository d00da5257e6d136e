import { Module } from "@medusajs/framework/utils"
import ChatwootModuleService from "./service"
import optionsLoader from "./loaders/options"

export const CHATWOOT_MODULE = "chatwoot"

export default Module(CHATWOOT_MODULE, {
  service: ChatwootModuleService,
  loaders: [optionsLoader],
})

export { ChatwootModuleService }
export * from "./options"

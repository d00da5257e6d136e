import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CHATWOOT_MODULE } from ".."
import type ChatwootModuleService from "../service"
import * as models from "../models"

/** The options every module test starts from (no platform token, one encryption key). */
export const moduleTestOptions = {
  chatwoot_url: "https://chat.example.com",
  public_url: "https://shop.example.com",
  encryption_key: "module-test-encryption-key-0123456789",
}

type RunnerConfig = Parameters<typeof moduleIntegrationTestRunner<ChatwootModuleService>>[0]

/**
 * Runs a suite against the `chatwoot` module on a fresh database: the given models (default:
 * all of them) and options (default: `moduleTestOptions`).
 */
export function chatwootModuleSuite(
  config: { moduleModels?: RunnerConfig["moduleModels"]; moduleOptions?: Record<string, unknown> },
  testSuite: RunnerConfig["testSuite"]
) {
  jest.setTimeout(60_000)
  moduleIntegrationTestRunner<ChatwootModuleService>({
    moduleName: CHATWOOT_MODULE,
    resolve: "./src/modules/chatwoot",
    moduleModels: config.moduleModels ?? Object.values(models),
    moduleOptions: config.moduleOptions ?? moduleTestOptions,
    testSuite,
  })
}

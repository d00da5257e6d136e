import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { ChatwootApiError } from "../../../modules/chatwoot/client"
import { DASHBOARD_APP_TITLE } from "../../../modules/chatwoot/provisioning"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const rotateDashboardAppSecretStepId = "chatwoot-rotate-dashboard-app-secret"

type Previous = {
  account_id: string
  dashboard_app_id: number | null
  dashboard_app_secret_encrypted: string | null
  dashboard_app_secret_hash: string | null
  /** Chatwoot app whose URL the step changed (or created: then it is deleted on rollback). */
  app_id: number
  created: boolean
}

/**
 * Gives the account's dashboard app a new secret: the app URL in Chatwoot is
 * updated (or the app re-created when it was deleted there), then the new
 * secret's ciphertext and lookup hash replace the old ones, so the old
 * secret stops opening anything. Compensation puts the old URL and secret back.
 */
export const rotateDashboardAppSecretStep = createStep(
  rotateDashboardAppSecretStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    if (account.status !== "active") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Account ${account.id} is ${account.status}: resume or retry it first`)
    }
    const api = chatwoot.accountApi(account)
    const { secret, hash } = chatwoot.newDashboardAppSecret()
    const content = [{ type: "frame" as const, url: chatwoot.dashboardAppUrl(secret) }]
    let app: { id: number } | null = null
    let created = false
    if (account.dashboard_app_id) {
      try {
        app = await api.dashboardApps.update(account.dashboard_app_id, { title: DASHBOARD_APP_TITLE, content })
      } catch (error) {
        if (!(error instanceof ChatwootApiError && error.status === 404)) throw error
      }
    }
    if (!app) {
      app = await api.dashboardApps.create({ title: DASHBOARD_APP_TITLE, content })
      created = true
    }
    const previous: Previous = {
      account_id: account.id,
      dashboard_app_id: account.dashboard_app_id,
      dashboard_app_secret_encrypted: account.dashboard_app_secret_encrypted,
      dashboard_app_secret_hash: account.dashboard_app_secret_hash,
      app_id: app.id,
      created,
    }
    await chatwoot.updateChatwootAccounts({
      id: account.id,
      dashboard_app_id: app.id,
      dashboard_app_secret_encrypted: chatwoot.encryptSecret("dashboard_app_secret", secret),
      dashboard_app_secret_hash: hash,
    })
    return new StepResponse({ dashboard_app_id: app.id, created }, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(previous.account_id)
    const api = chatwoot.accountApi(account)
    if (previous.created) {
      await api.dashboardApps.delete(previous.app_id)
    } else if (previous.dashboard_app_secret_encrypted) {
      const old = chatwoot.decryptSecret("dashboard_app_secret", previous.dashboard_app_secret_encrypted)
      await api.dashboardApps.update(previous.app_id, {
        title: DASHBOARD_APP_TITLE,
        content: [{ type: "frame", url: chatwoot.dashboardAppUrl(old) }],
      })
    }
    await chatwoot.updateChatwootAccounts({
      id: previous.account_id,
      dashboard_app_id: previous.dashboard_app_id,
      dashboard_app_secret_encrypted: previous.dashboard_app_secret_encrypted,
      dashboard_app_secret_hash: previous.dashboard_app_secret_hash,
    })
  }
)

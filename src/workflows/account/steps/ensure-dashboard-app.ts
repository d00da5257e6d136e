import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import { DASHBOARD_APP_TITLE } from "../../../modules/chatwoot/provisioning"
import type ChatwootModuleService from "../../../modules/chatwoot/service"

export const ensureDashboardAppStepId = "chatwoot-ensure-dashboard-app"

/**
 * The agent dashboard app, whose URL carries the account's secret. An app of
 * the plugin that exists without a secret the plugin knows (e.g. re-linked)
 * gets a fresh secret instead of a second app.
 */
export const ensureDashboardAppStep = createStep(
  ensureDashboardAppStepId,
  async (input: { account_id: string }, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const account = await chatwoot.retrieveChatwootAccount(input.account_id)
    const api = chatwoot.accountApi(account)
    const urlPrefix = chatwoot.dashboardAppUrl("")

    const apps = await api.dashboardApps.list()
    const ours = apps.filter((app) => app.content.some((c) => c.url.startsWith(urlPrefix)))
    const knownSecret = account.dashboard_app_secret_encrypted
      ? chatwoot.decryptSecret("dashboard_app_secret", account.dashboard_app_secret_encrypted)
      : null
    const current = knownSecret
      ? ours.find((app) => app.content.some((c) => c.url === chatwoot.dashboardAppUrl(knownSecret)))
      : undefined
    if (current) {
      const rotated = chatwoot.reencryptIfStale("dashboard_app_secret", account.dashboard_app_secret_encrypted)
      if (rotated) await chatwoot.updateChatwootAccounts({ id: account.id, dashboard_app_secret_encrypted: rotated })
      return new StepResponse({ dashboard_app_id: current.id, created: false })
    }

    const { secret, hash } = chatwoot.newDashboardAppSecret()
    const content = [{ type: "frame" as const, url: chatwoot.dashboardAppUrl(secret) }]
    const app = ours[0]
      ? await api.dashboardApps.update(ours[0].id, { title: DASHBOARD_APP_TITLE, content })
      : await api.dashboardApps.create({ title: DASHBOARD_APP_TITLE, content })
    await chatwoot.updateChatwootAccounts({
      id: account.id,
      dashboard_app_id: app.id,
      dashboard_app_secret_encrypted: chatwoot.encryptSecret("dashboard_app_secret", secret),
      dashboard_app_secret_hash: hash,
    })
    return new StepResponse({ dashboard_app_id: app.id, created: !ours[0] })
  }
)

import { Text } from "@medusajs/ui"
import type { AdminChatwootAccount } from "../../lib/types"

/** What is missing or weak in an active account, for one storefront. */
export function healthIssues(account: AdminChatwootAccount, salesChannelId: string): string[] {
  const health = account.health
  if (!health || account.status !== "active") {
    return []
  }
  const issues: string[] = []
  if (!health.credentials) issues.push("no access token")
  if (health.webhook !== "signed") issues.push(health.webhook === "missing" ? "webhook missing" : "webhook not signed")
  if (!health.api_inbox) issues.push("API inbox missing")
  if (!health.dashboard_app) issues.push("dashboard app missing")
  const storefront = health.storefronts.find((s) => s.sales_channel_id === salesChannelId)
  if (storefront && !storefront.website_inbox) issues.push("website inbox missing")
  if (storefront && !storefront.hmac_enforced) issues.push("identity (HMAC) not enforced")
  return issues
}

export const HealthNotes = ({ account, salesChannelId }: { account: AdminChatwootAccount; salesChannelId: string }) => {
  const issues = healthIssues(account, salesChannelId)
  if (!issues.length) {
    return null
  }
  return (
    <Text size="xsmall" className="text-ui-tag-orange-text" data-testid="chatwoot-health-issues">
      Needs attention: {issues.join(", ")}
    </Text>
  )
}

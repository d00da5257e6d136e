/** The sandbox state, webhook deliveries, the `Sandbox` handle and SDK call records. */
import type { RequestLogEntry, FaultControls, FaultState } from "./controls"
import type { AccountRecord, UserRecord, AccountUserRecord, InboxRecord, ContactRecord, ContactInboxRecord } from "./records"
import type { ConversationRecord, MessageRecord, WebhookRecord, DashboardAppRecord, CustomAttributeDefinitionRecord, TeamRecord, LabelRecord } from "./conversation-records"

/** Plain inspectable maps keyed by database id (conversations too: look up display ids with a scan). */
export interface SandboxState {
  accounts: Map<number, AccountRecord>
  users: Map<number, UserRecord>
  accountUsers: Map<number, AccountUserRecord>
  inboxes: Map<number, InboxRecord>
  contacts: Map<number, ContactRecord>
  contactInboxes: Map<number, ContactInboxRecord>
  conversations: Map<number, ConversationRecord>
  messages: Map<number, MessageRecord>
  webhooks: Map<number, WebhookRecord>
  dashboardApps: Map<number, DashboardAppRecord>
  customAttributeDefinitions: Map<number, CustomAttributeDefinitionRecord>
  teams: Map<number, TeamRecord>
  labels: Map<number, LabelRecord>
  /** `Account:<id>` / `User:<id>` rows of platform_app_permissibles for the sandbox's platform app */
  platformPermissibles: Set<string>
}

export interface WebhookDeliveryResult {
  url: string
  /** 0 when the endpoint could not be reached or timed out */
  status: number
  body: string
  deliveryId: string
  /** network error / timeout message when status is 0 */
  error?: string
}

export interface WebhookDeliveryLogEntry extends WebhookDeliveryResult {
  webhookId: number
  accountId: number
  event: string
  /** the exact bytes sent */
  rawBody: string
  headers: Record<string, string>
  at: number
}

export interface SendWebhookOptions {
  /** default true: add X-Chatwoot-Timestamp and X-Chatwoot-Signature */
  sign?: boolean
  /** unix seconds to put in X-Chatwoot-Timestamp (and sign) */
  timestamp?: number
  /** forced X-Chatwoot-Delivery */
  deliveryId?: string
}

export interface Sandbox {
  url: string
  platformToken: string
  state: SandboxState
  faults: FaultControls
  /** application/platform/public API exchanges; `/__sandbox/*` control calls are never logged */
  requests: RequestLogEntry[]
  clearLog(): void
  /** helper for link-mode tests: an account + administrator user, returns the user's api_access_token */
  createAccountWithAdmin(opts?: { name?: string; email?: string }): {
    accountId: number
    userId: number
    accessToken: string
  }
  /**
   * Deliver an account webhook to every webhook of that account subscribed to `event`, signed as
   * Chatwoot 4.15 signs it. Non-2xx is not retried (like Chatwoot).
   */
  sendWebhook(
    accountId: number,
    event: string,
    payload: object,
    opts?: SendWebhookOptions
  ): Promise<WebhookDeliveryResult[]>
  close(): Promise<void>

  // ---- extras beyond the contract (stable too) ----
  /** automatic account webhooks on API state changes (default from options.deliverWebhooks, true) */
  autoWebhooks: boolean
  /** every webhook delivery attempt, automatic or via sendWebhook */
  deliveries: WebhookDeliveryLogEntry[]
  /** resolves once every automatically enqueued webhook has been delivered (or has failed) */
  flushWebhooks(): Promise<void>
  /** current fault settings (read-only snapshot) */
  faultState(): FaultState
  /** wipe all state, the request log, the delivery log, SDK calls and faults (keeps url and platform token) */
  reset(): void
  /** calls the widget SDK stub (`/packs/js/sdk.js`) reported from browsers, oldest first */
  sdkCalls: SdkCallRecord[]
  /** an agent (or administrator) reply in a conversation, as if typed in the Chatwoot dashboard */
  agentReply(opts: {
    accountId: number
    conversationId: number
    content: string
    private?: boolean
    userId?: number
  }): MessageRecord
  /** a web-widget visitor: setUser and/or pre-chat e-mail, then a first message (widget-visitor.ts) */
  widgetVisitor(input: import("../widget-visitor").WidgetVisitorInput): import("../widget-visitor").WidgetVisitorResult
}

/** A `window.$chatwoot` / `chatwootSDK` call reported by the SDK stub (widget-sdk.ts). */
export interface SdkCallRecord {
  id: number
  method: string
  args: unknown[]
  website_token: string | null
  received_at: string
  /** setUser: whether identifier_hash matches the website inbox's hmac_token (null: none sent / other call) */
  hmac_valid: boolean | null
}

import type { Inbox, InboxCreateInput, InboxUpdateInput } from "../types"
import { ACCOUNT_PATH, accountRequest, unwrapPayload, type AccountScope } from "./shared"

const INBOXES = `${ACCOUNT_PATH}/inboxes`

/** Inboxes of an account (writes need an administrator token). */
export class InboxesApi {
  constructor(private readonly scope: AccountScope) {}

  /** Inboxes the token's user can see (administrators: all). */
  async list(): Promise<Inbox[]> {
    return unwrapPayload<Inbox[]>(await accountRequest(this.scope, { method: "GET", path: INBOXES }))
  }

  get(inboxId: number): Promise<Inbox> {
    return accountRequest(this.scope, { method: "GET", path: `${INBOXES}/{id}`, params: { id: inboxId } })
  }

  /**
   * Creates an inbox: `channel.type` web_widget (website_url, widget_color,
   * welcome_title, welcome_tagline, hmac_mandatory, …), api (webhook_url) or
   * email. Not idempotent: two calls make two inboxes.
   */
  create(input: InboxCreateInput): Promise<Inbox> {
    return accountRequest(this.scope, { method: "POST", path: INBOXES, body: input, idempotent: false })
  }

  /** Updates an inbox, incl. working_hours / timezone / working_hours_enabled and channel settings. */
  update(inboxId: number, input: InboxUpdateInput): Promise<Inbox> {
    return accountRequest(this.scope, {
      method: "PATCH",
      path: `${INBOXES}/{id}`,
      params: { id: inboxId },
      body: input,
    })
  }

  /** Deletes an inbox with its conversations (Chatwoot deletes asynchronously). */
  async delete(inboxId: number): Promise<void> {
    await accountRequest(this.scope, { method: "DELETE", path: `${INBOXES}/{id}`, params: { id: inboxId } })
  }
}

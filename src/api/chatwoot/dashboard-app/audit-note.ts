/**
 * The private note recording an order action. The agent comes from the
 * app's context, which Chatwoot posts to the frame unsigned: the plugin
 * cannot vouch for it, so the note says whose word it is
 * ("Jane (jane@shop.test, as reported by Chatwoot) canceled order #12 …").
 */
export function auditNoteContent(agent: { name?: string | null; email?: string | null } | null | undefined, did: string, reason?: string | null) {
  const name = agent?.name || agent?.email
  const who = name
    ? `${name} (${agent?.name && agent.email ? `${agent.email}, ` : ""}as reported by Chatwoot)`
    : "An agent (not named by Chatwoot)"
  return `${who} ${did} from the Medusa dashboard app.${reason ? ` Reason: ${reason}` : ""}`
}

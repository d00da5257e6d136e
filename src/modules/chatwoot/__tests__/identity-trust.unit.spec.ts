import { buildConversationPayload } from "../../../../integration-tests/sandbox/payloads"
import { chatwootMarksVerified, identityVerdict, trustedCustomerId } from "../identity-trust"

describe("identity trust rule", () => {
  it("Chatwoot's HMAC mark on the contact inbox is evidence, in meta or in contact_inbox", () => {
    expect(chatwootMarksVerified(buildConversationPayload("conversation_created"))).toBe(true)
    expect(chatwootMarksVerified({ meta: { hmac_verified: true } })).toBe(true)
    expect(chatwootMarksVerified({ contact_inbox: { hmac_verified: true } })).toBe(true)
  })

  it("the channel type, hmac_mandatory, an identifier or an e-mail are not evidence", () => {
    for (const channel of ["Channel::Api", "Channel::Email", "Channel::WebWidget"]) {
      const payload = buildConversationPayload("conversation_created", {
        channel,
        meta: { hmac_verified: false, sender: { identifier: "cus_victim", email: "victim@example.com" } },
        contact_inbox: { hmac_verified: false },
      })
      expect(chatwootMarksVerified(payload)).toBe(false)
      expect(identityVerdict({ hmac_verified: chatwootMarksVerified(payload) }).verified).toBe(false)
    }
    // truthy non-booleans are not a mark
    expect(chatwootMarksVerified({ meta: { hmac_verified: "true" }, contact_inbox: { hmac_verified: 1 } })).toBe(false)
    expect(chatwootMarksVerified({ meta: { hmac_verified: null } })).toBe(false)
    expect(chatwootMarksVerified(null)).toBe(false)
  })

  it("a verdict names its source; an unverified one says why", () => {
    expect(identityVerdict({ hmac_verified: true })).toEqual({ verified: true, source: "hmac", reason: null })
    expect(identityVerdict({ recorded_source: "contact_form" })).toEqual({ verified: true, source: "contact_form", reason: null })
    expect(identityVerdict({ recorded_source: "hmac" })).toMatchObject({ verified: true, source: "hmac" })
    const no = identityVerdict({ hmac_verified: false, recorded_source: "something-else" })
    expect(no).toMatchObject({ verified: false, source: null })
    expect(no.reason).toMatch(/HMAC-verified/)
  })

  it("a mirror row counts as the customer's only with a recorded source (rows linked under the old rule do not)", () => {
    expect(trustedCustomerId({ customer_id: "cus_1", identity_source: "hmac" })).toBe("cus_1")
    expect(trustedCustomerId({ customer_id: "cus_1", identity_source: "contact_form" })).toBe("cus_1")
    expect(trustedCustomerId({ customer_id: "cus_1", identity_source: null })).toBeNull()
    expect(trustedCustomerId({ customer_id: null, identity_source: "hmac" })).toBeNull()
    expect(trustedCustomerId(undefined)).toBeNull()
  })
})

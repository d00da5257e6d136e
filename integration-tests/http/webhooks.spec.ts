import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { deleteCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders } from "../helpers/auth"
import { useChatwootSandbox } from "../helpers/sandbox"
import { syncTestKit, until } from "../helpers/sync-kit"
import { postRaw, routeWebhooksTo, webhookSecretOf } from "../helpers/webhooks"
import { CHATWOOT_WEBHOOK_RECEIVED } from "../../src/modules/chatwoot/webhooks/events"
import ChatwootModuleService from "../../src/modules/chatwoot/service"
import {
  buildContactPayload,
  buildConversationPayload,
  buildMessagePayload,
  buildWebwidgetTriggeredPayload,
} from "../sandbox"

jest.setTimeout(240_000)
// a low per-IP limit so the last test can reach it; the others stay far below
process.env.CHATWOOT_WEBHOOK_IP_LIMIT = "300"

const sandbox = useChatwootSandbox()

const T0 = Math.floor(Date.now() / 1000) - 60

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      headers = await adminHeaders(container)
    })

    const kit = syncTestKit({ api, container: () => container, headers: () => headers, sandbox })
    const { chatwoot } = kit

    /** A storefront whose account webhook reaches this Medusa, and its website inbox. */
    async function setup() {
      const shop = await kit.storefront("Webshop")
      sandbox().autoWebhooks = false
      routeWebhooksTo(sandbox(), api, shop.account.chatwoot_account_id)
      const [inbox] = await chatwoot().listChatwootInboxes({ account_id: shop.account.id, kind: "website" })
      return { ...shop, cwId: shop.account.chatwoot_account_id, inboxId: inbox.chatwoot_inbox_id! }
    }

    const conversationOverrides = (s: { cwId: number; inboxId: number }, extra: Record<string, unknown> = {}) => ({
      account: { id: s.cwId, name: "Webshop" },
      inbox_id: s.inboxId,
      ...extra,
    })

    const mirrorOf = async (accountId: string, conversationId: number) =>
      (await chatwoot().listChatwootConversations({ account_id: accountId, chatwoot_conversation_id: conversationId }))[0]

    const deliveries = (accountId: string | null) => chatwoot().listChatwootWebhookDeliveries(accountId ? { account_id: accountId } : {})

    /** Waits until every accepted delivery of the account was processed. */
    const processed = (accountId: string) =>
      until("processed deliveries", async () => {
        const rows = await deliveries(accountId)
        const accepted = rows.filter((r) => r.outcome === "accepted")
        return accepted.length && accepted.every((r) => r.processed_at || r.error) ? accepted : undefined
      })

    describe("verified deliveries are mirrored", () => {
      it("conversation_created: 200, mirrored with status, priority, assignee, team, labels, inbox, unread and the customer", async () => {
        const s = await setup()
        const customer = await kit.registerCustomer("mirror@example.com")
        const payload = buildConversationPayload(
          "conversation_created",
          conversationOverrides(s, {
            id: 42,
            status: "pending",
            priority: "medium",
            labels: ["vip"],
            unread_count: 3,
            created_at: T0,
            updated_at: T0 + 0.5,
            meta: {
              sender: { id: 7, identifier: customer.id, email: "mirror@example.com" },
              assignee: { id: 5, name: "Alex Agent", available_name: "Alex" },
              assignee_type: "User",
              team: { id: 9, name: "sales" },
            },
          })
        )
        const [result] = await sandbox().sendWebhook(s.cwId, "conversation_created", payload)
        expect(result.status).toBe(200)
        const row = await until("the mirror", () => mirrorOf(s.account.id, 42))
        expect(row).toMatchObject({
          status: "pending",
          priority: "medium",
          assignee_id: 5,
          assignee_name: "Alex",
          team_id: 9,
          team_name: "sales",
          labels: ["vip"],
          chatwoot_inbox_id: s.inboxId,
          sales_channel_id: s.salesChannelId,
          unread_count: 3,
          customer_id: customer.id,
          chatwoot_contact_id: 7,
        })
        const [accepted] = await processed(s.account.id)
        expect(accepted).toMatchObject({ event: "conversation_created", outcome: "accepted" })
        expect(accepted.delivery_key).toBe(`delivery:${result.deliveryId}`)
      })

      it("message_created: customer messages and agent replies are timed, private notes ignored, a mentioned order of the customer is linked", async () => {
        const s = await setup()
        const customer = await kit.registerCustomer("orders@example.com")
        const mine = await kit.placeOrder(customer, s.salesChannelId, 10)
        const stranger = await kit.registerCustomer("stranger@example.com")
        const theirs = await kit.placeOrder(stranger, s.salesChannelId, 10)
        const conversation = conversationOverrides(s, {
          id: 43,
          updated_at: T0 + 1,
          meta: { sender: { id: 8, identifier: customer.id, email: "orders@example.com" } },
        })
        const send = (overrides: Record<string, unknown>) =>
          sandbox().sendWebhook(
            s.cwId,
            "message_created",
            buildMessagePayload("message_created", { account: { id: s.cwId, name: "Webshop" }, conversation, ...overrides })
          )

        // someone else's order number is not linked
        expect((await send({ id: 1, content: `Where is order #${theirs.display_id}?`, created_at: new Date((T0 + 10) * 1000).toISOString() }))[0].status).toBe(200)
        let row = await until("the mirror", async () => (await mirrorOf(s.account.id, 43))?.last_customer_message_at && mirrorOf(s.account.id, 43))
        expect(row.order_id).toBeNull()
        expect(new Date(row.last_customer_message_at!).getTime()).toBe((T0 + 10) * 1000)

        await send({ id: 2, content: `Sorry, I meant order ${mine.display_id}`, created_at: new Date((T0 + 20) * 1000).toISOString() })
        row = await until("the order link", async () => (await mirrorOf(s.account.id, 43))?.order_id && mirrorOf(s.account.id, 43))
        expect(row).toMatchObject({ order_id: mine.id, order_link_source: "mention" })

        // a private note (outgoing, private) is neither a customer message nor a reply
        await send({
          id: 3,
          content: "Internal: check the warehouse",
          message_type: "outgoing",
          private: true,
          sender: { id: 5, name: "Alex", email: "alex@acme.example", type: "user" },
          created_at: new Date((T0 + 30) * 1000).toISOString(),
        })
        await processed(s.account.id)
        row = await mirrorOf(s.account.id, 43)
        expect(new Date(row.last_customer_message_at!).getTime()).toBe((T0 + 20) * 1000)
        expect(row.last_agent_reply_at).toBeNull()
        expect(row.last_message).toContain("I meant order")

        await send({
          id: 4,
          content: "It ships today!",
          message_type: "outgoing",
          private: false,
          sender: { id: 5, name: "Alex", email: "alex@acme.example", type: "user" },
          created_at: new Date((T0 + 40) * 1000).toISOString(),
        })
        row = await until("the reply", async () => (await mirrorOf(s.account.id, 43))?.last_agent_reply_at && mirrorOf(s.account.id, 43))
        expect(new Date(row.last_agent_reply_at!).getTime()).toBe((T0 + 40) * 1000)
        expect(row.last_message).toBe("It ships today!")
      })

      it("contact_updated: an agent's change is recorded for review, listed and dismissable, never written to the customer", async () => {
        const s = await setup()
        const customer = await kit.registerCustomer("review@example.com", { phone: "+4915100000001" })
        const payload = buildContactPayload(
          "contact_updated",
          { account: { id: s.cwId }, id: 77, identifier: customer.id, email: "review@example.com", name: "Ada Lovelace", phone_number: "+4915199999999" },
          [{ phone_number: { previous_value: "+4915100000001", current_value: "+4915199999999" } }]
        )
        expect((await sandbox().sendWebhook(s.cwId, "contact_updated", payload))[0].status).toBe(200)
        const [change] = await until("the review row", async () => {
          const rows = await chatwoot().listChatwootContactChanges({ customer_id: customer.id })
          return rows.length ? rows : undefined
        })
        expect(change).toMatchObject({
          status: "pending",
          chatwoot_contact_id: 77,
          changes: { phone_number: { chatwoot: "+4915199999999", medusa: "+4915100000001" } },
        })
        const { data: customerNow } = await api.get(`/admin/customers/${customer.id}`, { headers })
        expect(customerNow.customer.phone).toBe("+4915100000001")

        const list = await api.get("/admin/chatwoot/contact-changes", { headers })
        expect(list.data.contact_changes.map((c: { id: string }) => c.id)).toEqual([change.id])
        const dismissed = await api.post(`/admin/chatwoot/contact-changes/${change.id}/dismiss`, {}, { headers })
        expect(dismissed.data.contact_change.status).toBe("dismissed")
        expect((await api.get("/admin/chatwoot/contact-changes", { headers })).data.contact_changes).toEqual([])

        // the plugin's own sync echoing Medusa's values is nothing to review
        const echo = buildContactPayload(
          "contact_updated",
          { account: { id: s.cwId }, id: 77, identifier: customer.id, email: "review@example.com", name: "Ada Lovelace", phone_number: "+4915100000001" },
          [{ phone_number: { previous_value: "+4915199999999", current_value: "+4915100000001" } }]
        )
        await sandbox().sendWebhook(s.cwId, "contact_updated", echo)
        await processed(s.account.id)
        expect(await chatwoot().listChatwootContactChanges({ customer_id: customer.id, status: "pending" })).toEqual([])
      })

      it("a conversation's identity links the customer only when Chatwoot marks the session HMAC-verified, whatever the inbox enforces or the channel is", async () => {
        const s = await setup()
        const customer = await kit.registerCustomer("victim@example.com")
        const unverified = (id: number) =>
          buildConversationPayload(
            "conversation_created",
            conversationOverrides(s, {
              id,
              updated_at: T0,
              contact_inbox: { hmac_verified: false },
              meta: { sender: { id: 8, identifier: customer.id, email: null }, hmac_verified: false },
            })
          )
        // enforced (the default) is no evidence: Chatwoot still merges a pre-chat e-mail into the customer's contact
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", unverified(45)))[0].status).toBe(200)
        expect((await until("the mirror", () => mirrorOf(s.account.id, 45))).customer_id).toBeNull()

        // not enforced: the same
        const off = await api.post(`/admin/chatwoot/storefronts/${s.salesChannelId}`, { hmac_mandatory: false }, { headers })
        expect(off.status).toBe(200)
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", unverified(46)))[0].status).toBe(200)
        expect((await until("the mirror", () => mirrorOf(s.account.id, 46))).customer_id).toBeNull()
        // an API-inbox (contact form) conversation is no evidence either
        const api48 = buildConversationPayload(
          "conversation_created",
          conversationOverrides(s, {
            id: 48,
            updated_at: T0,
            channel: "Channel::Api",
            contact_inbox: { hmac_verified: false },
            meta: { sender: { id: 8, identifier: customer.id, email: "victim@example.com" }, hmac_verified: false },
          })
        )
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", api48))[0].status).toBe(200)
        expect((await until("the mirror", () => mirrorOf(s.account.id, 48))).customer_id).toBeNull()
        const verified = buildConversationPayload(
          "conversation_created",
          conversationOverrides(s, { id: 47, updated_at: T0, meta: { sender: { id: 8, identifier: customer.id, email: null } } })
        )
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", verified))[0].status).toBe(200)
        expect(await until("the mirror", () => mirrorOf(s.account.id, 47))).toMatchObject({ customer_id: customer.id, identity_source: "hmac" })
      })

      it("webwidget_triggered with a current conversation mirrors it", async () => {
        const s = await setup()
        const payload = buildWebwidgetTriggeredPayload({
          account: { id: s.cwId },
          current_conversation: buildConversationPayload("conversation_created", conversationOverrides(s, { id: 44, status: "open", updated_at: T0 })),
        } as never)
        delete (payload.current_conversation as { event?: string }).event
        expect((await sandbox().sendWebhook(s.cwId, "webwidget_triggered", payload))[0].status).toBe(200)
        const row = await until("the mirror", () => mirrorOf(s.account.id, 44))
        expect(row.status).toBe("open")
      })
    })

    describe("account scoping", () => {
      it("a signed payload naming another Chatwoot account is acknowledged but not applied", async () => {
        const s = await setup()
        const foreign = buildConversationPayload("conversation_created", conversationOverrides(s, { id: 90, updated_at: T0, account: { id: s.cwId + 1000, name: "Other" } }))
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", foreign))[0].status).toBe(200)
        const [row] = await processed(s.account.id)
        expect(row.reason).toBe("payload of another account")
        expect(await chatwoot().listChatwootConversations({ account_id: s.account.id })).toEqual([])
      })
    })

    describe("GDPR", () => {
      it("export includes the customer's mirrored conversations and contact changes; deleting the customer erases them", async () => {
        const s = await setup()
        const customer = await kit.registerCustomer("gdpr@example.com")
        await sandbox().sendWebhook(
          s.cwId,
          "conversation_created",
          buildConversationPayload("conversation_created", conversationOverrides(s, { id: 80, updated_at: T0, meta: { sender: { id: 9, identifier: customer.id } } }))
        )
        await sandbox().sendWebhook(
          s.cwId,
          "contact_updated",
          buildContactPayload("contact_updated", { account: { id: s.cwId }, id: 9, identifier: customer.id, email: "changed@example.com" }, [
            { email: { previous_value: "gdpr@example.com", current_value: "changed@example.com" } },
          ])
        )
        await until("both rows", async () =>
          (await chatwoot().listChatwootConversations({ customer_id: customer.id })).length &&
          (await chatwoot().listChatwootContactChanges({ customer_id: customer.id })).length
        )
        const exported = (await api.get(`/admin/chatwoot/customers/${customer.id}/export`, { headers })).data
        expect(exported.plugin.conversations).toEqual([expect.objectContaining({ chatwoot_conversation_id: 80, customer_id: customer.id })])
        expect(exported.plugin.contact_changes).toEqual([expect.objectContaining({ chatwoot_contact_id: 9 })])

        await deleteCustomersWorkflow(container).run({ input: { ids: [customer.id] } })
        await until("the mirror erased", async () =>
          (await chatwoot().listChatwootConversations({ customer_id: customer.id })).length === 0 &&
          (await chatwoot().listChatwootContactChanges({ customer_id: customer.id })).length === 0
        )
      })
    })

    describe("out-of-order and repeated deliveries", () => {
      it("updated before created, and an old status after a new one, end in the newest state", async () => {
        const s = await setup()
        const at = (dt: number, status: string, labels: string[]) =>
          conversationOverrides(s, { id: 50, status, labels, created_at: T0, updated_at: T0 + dt })
        await sandbox().sendWebhook(s.cwId, "conversation_updated", buildConversationPayload("conversation_updated", at(10, "open", ["late"])))
        await sandbox().sendWebhook(s.cwId, "conversation_created", buildConversationPayload("conversation_created", at(0, "pending", [])))
        await processed(s.account.id)
        expect(await mirrorOf(s.account.id, 50)).toMatchObject({ status: "open", labels: ["late"] })

        await sandbox().sendWebhook(s.cwId, "conversation_status_changed", buildConversationPayload("conversation_status_changed", at(30, "resolved", ["late"])))
        await sandbox().sendWebhook(s.cwId, "conversation_status_changed", buildConversationPayload("conversation_status_changed", at(20, "open", ["late"])))
        await processed(s.account.id)
        const row = await mirrorOf(s.account.id, 50)
        expect(row.status).toBe("resolved")
        expect(new Date(row.chatwoot_updated_at!).getTime()).toBe((T0 + 30) * 1000)
        expect(await chatwoot().listChatwootConversations({ account_id: s.account.id })).toHaveLength(1)
      })

      it("a replayed delivery id is acknowledged as a duplicate and changes nothing", async () => {
        const s = await setup()
        const deliveryId = randomUUID()
        const first = buildConversationPayload("conversation_updated", conversationOverrides(s, { id: 51, status: "resolved", updated_at: T0 }))
        await sandbox().sendWebhook(s.cwId, "conversation_updated", first, { deliveryId })
        await processed(s.account.id)
        // same delivery id, a (forged) newer state: must not be applied
        const replay = buildConversationPayload("conversation_updated", conversationOverrides(s, { id: 51, status: "open", updated_at: T0 + 100 }))
        const [result] = await sandbox().sendWebhook(s.cwId, "conversation_updated", replay, { deliveryId })
        expect(result.status).toBe(200)
        expect(JSON.parse(result.body)).toEqual({ received: true, duplicate: true })
        await new Promise((r) => setTimeout(r, 500))
        expect((await mirrorOf(s.account.id, 51)).status).toBe("resolved")
        const rows = await deliveries(s.account.id)
        expect(rows.map((r) => r.outcome).sort()).toEqual(["accepted", "duplicate"])
      })
    })

    describe("replays and unused events", () => {
      /** Every emitted webhook event of the block, as handed to the subscriber (and so to the workflow). */
      const emitted: unknown[] = []
      let emitSpy: jest.SpyInstance | undefined
      beforeEach(() => {
        emitted.length = 0
        const eventBus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
        const original = eventBus.emit.bind(eventBus)
        emitSpy = jest.spyOn(eventBus, "emit").mockImplementation(((message: any, options: any) => {
          for (const m of Array.isArray(message) ? message : [message]) if (m?.name === CHATWOOT_WEBHOOK_RECEIVED) emitted.push(m.data)
          return original(message, options)
        }) as never)
      })
      afterEach(() => emitSpy?.mockRestore())

      /** Every row of every chatwoot_* table, as text. */
      const allPluginRows = async () => {
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as { raw(sql: string, b?: unknown[]): Promise<{ rows: any[] }> }
        const tables = (await pg.raw(`select tablename from pg_tables where schemaname = current_schema() and tablename like 'chatwoot_%'`)).rows.map((r) => r.tablename as string)
        expect(tables).toContain("chatwoot_webhook_delivery")
        const out: string[] = []
        for (const t of tables) out.push(...(await pg.raw(`select row_to_json(x)::text as j from "${t}" x`)).rows.map((r) => r.j as string))
        return out.join("\n")
      }

      it("a captured delivery replayed under a fresh X-Chatwoot-Delivery is a duplicate and not processed again", async () => {
        const s = await setup()
        const secret = webhookSecretOf(sandbox(), s.cwId)
        const body = JSON.stringify(
          buildMessagePayload("message_created", {
            id: 501,
            content: "Hello there",
            created_at: new Date((T0 + 10) * 1000).toISOString(),
            account: { id: s.cwId, name: "Webshop" },
            conversation: conversationOverrides(s, { id: 52, updated_at: T0 }),
          })
        )
        const timestamp = Math.floor(Date.now() / 1000)
        const first = await postRaw(api, s.account.id, body, { secret, timestamp, deliveryId: randomUUID() })
        expect([first.status, first.data]).toEqual([200, { received: true }])
        await processed(s.account.id)
        // the same bytes, timestamp and signature under a new delivery id (and under none at all)
        for (const deliveryId of [randomUUID(), undefined]) {
          const replay = await postRaw(api, s.account.id, body, { secret, timestamp, deliveryId })
          expect([replay.status, replay.data]).toEqual([200, { received: true, duplicate: true }])
        }
        await new Promise((r) => setTimeout(r, 300))
        expect(emitted).toHaveLength(1)
        const rows = await deliveries(s.account.id)
        expect(rows.map((r) => r.outcome).sort()).toEqual(["accepted", "duplicate", "duplicate"])
        // a new delivery (new timestamp, so new signed material) is still accepted
        const later = await postRaw(api, s.account.id, body, { secret, timestamp: timestamp + 1, deliveryId: randomUUID() })
        expect(later.data).toEqual({ received: true })
      })

      it("inbox_updated (channel secrets) and typing events are acknowledged, never emitted or stored; processed events lose every token", async () => {
        const s = await setup()
        const secret = webhookSecretOf(sandbox(), s.cwId)
        const secrets = { hmac: "hmacTOKENdoNotStore0001", website: "websiteTOKENdoNotStore1", pubsub: "pubsubTOKENdoNotStore01", channel: "channelSECRETdoNotStore" }
        const inboxUpdated = {
          event: "inbox_updated",
          id: s.inboxId,
          name: "Storefront chat",
          account: { id: s.cwId, name: "Webshop" },
          channel: { id: 1, website_url: "https://shop.example.com", website_token: secrets.website, hmac_token: secrets.hmac, secret: secrets.channel },
          changed_attributes: [{ greeting_message: { previous_value: null, current_value: "Hi" } }],
        }
        const typing = {
          event: "conversation_typing_on",
          user: { id: 2, name: "Alex", type: "user" },
          is_private: false,
          conversation: { ...conversationOverrides(s, { id: 53, updated_at: T0 }), contact_inbox: { pubsub_token: secrets.pubsub } },
        }
        for (const payload of [inboxUpdated, typing]) {
          const res = await postRaw(api, s.account.id, JSON.stringify(payload), { secret, deliveryId: randomUUID() })
          expect([res.status, res.data]).toEqual([200, { received: true }])
        }

        // a processed event carrying the contact's realtime token and channel secrets
        const created = buildConversationPayload(
          "conversation_created",
          conversationOverrides(s, {
            id: 54,
            updated_at: T0,
            contact_inbox: { pubsub_token: secrets.pubsub, hmac_verified: true },
            meta: { sender: { id: 9, identifier: null, email: "guest@example.com", custom_attributes: { token: secrets.hmac } } as never },
          })
        ) as Record<string, unknown>
        created.channel_record = { hmac_token: secrets.hmac, website_token: secrets.website }
        expect((await postRaw(api, s.account.id, JSON.stringify(created), { secret, deliveryId: randomUUID() })).status).toBe(200)
        const mirror = await until("the mirror", () => mirrorOf(s.account.id, 54))
        expect(mirror).toMatchObject({ email: "guest@example.com", chatwoot_contact_id: 9 })
        await processed(s.account.id)

        expect(emitted).toHaveLength(1)
        expect(emitted[0]).toMatchObject({ event: "conversation_created", payload: { id: 54, contact_inbox: { hmac_verified: true } } })
        const text = `${JSON.stringify(emitted)}\n${await allPluginRows()}`
        for (const value of Object.values(secrets)) expect(text).not.toContain(value)
        // (the plugin's own inbox rows have columns of these names, so the keys are checked on what was emitted)
        expect(JSON.stringify(emitted)).not.toMatch(/pubsub_token|hmac_token|website_token|source_id|channel_record/)
        expect((await deliveries(s.account.id)).map((r) => r.event)).toEqual(["conversation_created"])
      })
    })

    describe("URL token for Chatwoot < 4.12 (opt-in per account)", () => {
      it("off by default; when on, unsigned deliveries need the token from the webhook URL, and it is never returned", async () => {
        const s = await setup()
        const body = () => buildConversationPayload("conversation_created", conversationOverrides(s, { id: 70, updated_at: T0 }))
        // default: an unsigned delivery is refused
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", body(), { sign: false }))[0].status).toBe(401)

        const res = await api.post(`/admin/chatwoot/accounts/${s.account.id}/webhook-auth`, { mode: "url_token" }, { headers })
        expect(res.data.webhook_auth).toEqual({ mode: "url_token", webhook_updated: true })
        const webhook = [...sandbox().state.webhooks.values()].find((w) => w.account_id === s.cwId)!
        const token = new URL(webhook.url).searchParams.get("token")
        expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
        expect(JSON.stringify(res.data)).not.toContain(token)
        const account = await api.get(`/admin/chatwoot/accounts/${s.account.id}`, { headers })
        expect(JSON.stringify(account.data)).not.toContain(token)
        routeWebhooksTo(sandbox(), api, s.cwId)

        // an old Chatwoot: no signature, the token in the URL
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", body(), { sign: false }))[0].status).toBe(200)
        await until("the mirror", () => mirrorOf(s.account.id, 70))
        const wrong = await postRaw(api, s.account.id, JSON.stringify(body()), { query: "?token=wrong" })
        expect(wrong.status).toBe(401)
        const none = await postRaw(api, s.account.id, JSON.stringify(body()), { secret: webhookSecretOf(sandbox(), s.cwId) })
        expect(none.status).toBe(401)

        // off again: the URL loses its token and signatures are required once more
        await api.post(`/admin/chatwoot/accounts/${s.account.id}/webhook-auth`, { mode: "signature" }, { headers })
        expect(webhook.url).not.toContain("token=")
        routeWebhooksTo(sandbox(), api, s.cwId)
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", body(), { sign: false }))[0].status).toBe(401)
        expect((await sandbox().sendWebhook(s.cwId, "conversation_created", body()))[0].status).toBe(200)
        const bad = await api.post(`/admin/chatwoot/accounts/${s.account.id}/webhook-auth`, { mode: "plaintext" }, { headers, validateStatus: () => true })
        expect(bad.status).toBe(400)
      })
    })

    describe("refused deliveries have no side effects", () => {
      it("bad signature, wrong secret, stale timestamp, missing headers, unknown account, oversized body, non-JSON", async () => {
        const s = await setup()
        const secret = webhookSecretOf(sandbox(), s.cwId)
        const body = JSON.stringify(buildConversationPayload("conversation_created", conversationOverrides(s, { id: 60, updated_at: T0 })))
        const now = Math.floor(Date.now() / 1000)

        const cases: [string, () => Promise<{ status: number; data: unknown }>, number][] = [
          ["bad signature", () => postRaw(api, s.account.id, body, { signature: `sha256=${"0".repeat(64)}` }), 401],
          ["tampered body", async () => {
            const ts = now
            const { signWebhookBody } = await import("../sandbox")
            const sig = `sha256=${signWebhookBody(secret, ts, body)}`
            return postRaw(api, s.account.id, body.replace('"open"', '"resolved"'), { signature: sig, timestamp: ts })
          }, 401],
          ["garbled signature", () => postRaw(api, s.account.id, body, { signature: "sha256=not-hex" }), 401],
          ["wrong secret", () => postRaw(api, s.account.id, body, { secret: "not-the-secret" }), 401],
          ["stale timestamp", () => postRaw(api, s.account.id, body, { secret, timestamp: now - 301 }), 401],
          ["future timestamp", () => postRaw(api, s.account.id, body, { secret, timestamp: now + 600 }), 401],
          ["missing headers", () => postRaw(api, s.account.id, body), 401],
          ["unknown account", () => postRaw(api, "cwacc_01JUNKNOWNACCOUNT000000000", body, { secret }), 401],
          ["garbage account id", () => postRaw(api, "not-an-account%27--", body, { secret }), 401],
          ["oversized body", () => postRaw(api, s.account.id, JSON.stringify({ event: "message_created", content: "x".repeat(600 * 1024) }), { secret }), 413],
          ["non-JSON (signed text)", () => postRaw(api, s.account.id, "hello, not json", { secret, contentType: "text/plain" }), 400],
          ["non-JSON (json content type)", () => postRaw(api, s.account.id, "{oops", { secret }), 400],
          ["JSON without event", () => postRaw(api, s.account.id, JSON.stringify({ id: 60 }), { secret }), 400],
        ]
        for (const [name, send, status] of cases) {
          const res = await send()
          expect([name, res.status]).toEqual([name, status])
          if (status === 401) expect(res.data).toEqual({ type: "unauthorized", message: "Unauthorized" })
        }
        // the same, signed properly, is accepted: the refusals were for what they were, not the payload
        expect((await postRaw(api, s.account.id, body, { secret, deliveryId: randomUUID() })).status).toBe(200)
        await processed(s.account.id)
        // refusals are aggregates (one row per account, reason and minute, with the number of hits)
        await chatwoot().flushWebhookRefusals()
        const all = await deliveries(s.account.id)
        expect(all.filter((r) => r.outcome === "accepted")).toHaveLength(1)
        const hitsByReason = (rows: typeof all) =>
          rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.reason!]: (acc[r.reason!] ?? 0) + r.hits }), {})
        expect(hitsByReason(all.filter((r) => r.outcome === "rejected"))).toEqual({
          bad_signature: 3, malformed_headers: 1, stale_timestamp: 2, missing_headers: 1, invalid_payload: 2,
        })
        expect(hitsByReason((await deliveries(null)).filter((r) => r.account_id === null && r.outcome === "rejected"))).toEqual({ unknown_account: 2 })
        expect(await chatwoot().listChatwootConversations({ account_id: s.account.id })).toHaveLength(1)
        // nothing in any response or record carries the secret
        expect(JSON.stringify(all)).not.toContain(secret)
      })

      it("a flood of refused deliveries writes no row per request, and health still counts every one", async () => {
        const s = await setup()
        const body = JSON.stringify(buildConversationPayload("conversation_created", conversationOverrides(s, { id: 61, updated_at: T0 })))
        const before = (await deliveries(null)).length
        const results = await Promise.all(
          Array.from({ length: 40 }, (_, i) => postRaw(api, s.account.id, body, { signature: `sha256=${String(i % 10).repeat(64)}` }))
        )
        expect(results.map((r) => r.status)).toEqual(Array(40).fill(401))
        const { data } = await api.get("/admin/chatwoot/health", { headers })
        const health = data.health.accounts.find((a: { id: string }) => a.id === s.account.id)
        expect(health.webhooks).toMatchObject({ rejected_24h: 40, accepted_24h: 0 })
        expect(health.warnings.map((w: { code: string }) => w.code)).toContain("webhooks_rejected")
        const rows = (await deliveries(null)).length - before
        expect(rows).toBeGreaterThanOrEqual(1)
        expect(rows).toBeLessThanOrEqual(2) // one aggregate row (two when the minute turned)
      })

      it("a flood for an unknown account id is answered from memory after the first lookup", async () => {
        const spy = jest.spyOn(ChatwootModuleService.prototype, "listChatwootAccounts")
        try {
          const id = "cwacc_01JNOSUCHACCOUNTFLOOD00000"
          for (let i = 0; i < 30; i++) expect((await postRaw(api, id, "{}", { signature: `sha256=${"a".repeat(64)}` })).status).toBe(401)
          const lookups = spy.mock.calls.filter(([filter]) => (filter as { id?: unknown } | undefined)?.id === id)
          expect(lookups).toHaveLength(1)
        } finally {
          spy.mockRestore()
        }
      })

      it("a flood from one IP is cut off with 429 and Retry-After", async () => {
        let limited: { status: number; headers: Record<string, unknown> } | undefined
        for (let i = 0; i < 400 && !limited; i++) {
          const res = await postRaw(api, "cwacc_01JUNKNOWNACCOUNT000000000", "{}")
          if (res.status === 429) limited = res as never
        }
        expect(limited?.status).toBe(429)
        expect(Number(limited?.headers["retry-after"])).toBeGreaterThanOrEqual(1)
      })
    })
  },
})

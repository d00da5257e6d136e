import { chatwootModuleSuite, moduleTestOptions } from "./module-runner"
import { SecretBox } from "../secrets"
import { ChatwootAccount, ChatwootAgent, ChatwootContact, ChatwootInbox, ChatwootStorefront, ChatwootSyncJob } from "../models"

const moduleOptions = {
  ...moduleTestOptions,
  platform_token: "platform-secret",
  previous_encryption_keys: ["the-previous-encryption-key-0123456789"],
}

chatwootModuleSuite({ moduleModels: [ChatwootAccount, ChatwootAgent, ChatwootContact, ChatwootInbox, ChatwootStorefront, ChatwootSyncJob], moduleOptions }, ({ service }) => {
  describe("chatwoot module", () => {
    it("creates and reads an account with its storefront and inboxes", async () => {
      const account = await service.createChatwootAccounts({
        name: "Main storefront",
        chatwoot_account_id: 7,
        storefronts: [{ sales_channel_id: "sc_main" }],
        inboxes: [
          { kind: "website", sales_channel_id: "sc_main", chatwoot_inbox_id: 11, website_token: "wt" },
          { kind: "api", chatwoot_inbox_id: 12, inbox_identifier: "api-inbox" },
        ],
      } as any)

      expect(account.id).toMatch(/^cwacc_/)
      expect(account.status).toBe("provisioning")
      expect(account.mode).toBe("provisioned")

      const read = await service.retrieveChatwootAccount(account.id, {
        relations: ["storefronts", "inboxes"],
      })
      expect(read.name).toBe("Main storefront")
      expect(read.chatwoot_account_id).toBe(7)
      expect(read.storefronts.map((s) => s.sales_channel_id)).toEqual(["sc_main"])
      expect(read.inboxes.map((i) => i.kind).sort()).toEqual(["api", "website"])
    })

    it("keeps one storefront per sales channel", async () => {
      const account = await service.createChatwootAccounts({ name: "A" })
      await service.createChatwootStorefronts({ sales_channel_id: "sc_1", account_id: account.id } as any)
      await expect(
        service.createChatwootStorefronts({ sales_channel_id: "sc_1", account_id: account.id } as any)
      ).rejects.toThrow()
    })

    it("lets several sales channels share one account", async () => {
      const account = await service.createChatwootAccounts({ name: "Shared" })
      await service.createChatwootStorefronts([
        { sales_channel_id: "sc_a", account_id: account.id },
        { sales_channel_id: "sc_b", account_id: account.id },
      ] as any)
      const storefronts = await service.listChatwootStorefronts({ account_id: account.id } as any)
      expect(storefronts.map((s) => s.sales_channel_id).sort()).toEqual(["sc_a", "sc_b"])
    })

    it("rejects an unknown account status", async () => {
      await expect(
        service.createChatwootAccounts({ name: "Bad", status: "deleted" as any })
      ).rejects.toThrow()
    })

    it("re-encrypts secrets written with a previous key, and only those", () => {
      const old = new SecretBox("the-previous-encryption-key-0123456789").encrypt("webhook_secret", "s3cret")
      const rotated = service.reencryptIfStale("webhook_secret", old)!
      expect(rotated).not.toBe(old)
      expect(service.decryptSecret("webhook_secret", rotated)).toBe("s3cret")
      expect(() => new SecretBox("the-previous-encryption-key-0123456789").decrypt("webhook_secret", rotated)).toThrow()
      expect(service.reencryptIfStale("webhook_secret", rotated)).toBeNull()
      expect(service.reencryptIfStale("webhook_secret", null)).toBeNull()
    })

    it("exposes validated options without secrets", () => {
      const options = service.getPublicOptions()
      expect(options.chatwoot_url).toBe("https://chat.example.com")
      expect(options.platform_provisioning).toBe(true)
      expect(options.auto_provision).toBe(true)
      expect(JSON.stringify(options)).not.toContain("platform-secret")
      expect(JSON.stringify(options)).not.toContain(moduleOptions.encryption_key)
      expect(JSON.stringify(options)).not.toContain("the-previous-encryption-key")
    })
  })
})

import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomersWorkflow,
  createOrderWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateSalesChannelsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import fs from "node:fs"
import { provisionChatwootAccount } from "../src/workflows/account/workflows"

/**
 * Demo data: one shop with two storefronts (sales channels), each with its own
 * publishable key, a few products, customers and orders. Writes what the demo
 * script prints to the file named by DEMO_INFO_FILE.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)

  const [store] = await storeModule.listStores()
  const [defaultChannel] = await salesChannelModule.listSalesChannels({
    id: store.default_sales_channel_id ?? undefined,
  })

  logger.info("Seeding demo storefronts…")
  await updateSalesChannelsWorkflow(container).run({
    input: {
      selector: { id: defaultChannel.id },
      update: { name: "Webshop", description: "The main storefront" },
    },
  })
  const {
    result: [outlet],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Outlet", description: "The outlet storefront" }] },
  })

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Chatwoot Demo Shop",
        supported_currencies: [
          { currency_code: "eur", is_default: true },
          { currency_code: "usd" },
        ],
      },
    },
  })

  const channels = [
    { id: defaultChannel.id, name: "Webshop" },
    { id: outlet.id, name: "Outlet" },
  ]
  const keys: Record<string, string> = {}
  for (const channel of channels) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: `${channel.name} storefront`, type: "publishable", created_by: "demo" }] },
    })
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: result[0].id, add: [channel.id] },
    })
    keys[channel.name] = (result[0] as { token: string }).token
  }

  const {
    result: [adminKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Demo admin key", type: "secret", created_by: "demo" }] },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: "eur",
          countries: ["de", "fr", "nl", "es", "it"],
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })

  const {
    result: [shippingProfile],
  } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  })

  const productInput = (title: string, handle: string, price: number, channelIds: string[]) => ({
    title,
    handle,
    status: ProductStatus.PUBLISHED,
    shipping_profile_id: shippingProfile.id,
    options: [{ title: "Size", values: ["M", "L"] }],
    variants: ["M", "L"].map((size) => ({
      title: size,
      sku: `${handle}-${size}`.toUpperCase(),
      manage_inventory: false,
      options: { Size: size },
      prices: [{ amount: price, currency_code: "eur" }],
    })),
    sales_channels: channelIds.map((id) => ({ id })),
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        productInput("Linen Shirt", "linen-shirt", 49, [defaultChannel.id, outlet.id]),
        productInput("Wool Sweater", "wool-sweater", 89, [defaultChannel.id]),
        productInput("Last-season Jacket", "last-season-jacket", 59, [outlet.id]),
      ],
    },
  })

  const { result: customers } = await createCustomersWorkflow(container).run({
    input: {
      customersData: [
        { email: "ada@example.com", first_name: "Ada", last_name: "Lovelace", phone: "+4915112345678", has_account: true },
        { email: "grace@example.com", first_name: "Grace", last_name: "Hopper", has_account: true },
        { email: "alan@example.com", first_name: "Alan", last_name: "Turing", has_account: true },
      ],
    },
  })

  // Storefront logins for the demo customers (emailpass, one known password)
  const customerPassword = process.env.DEMO_CUSTOMER_PASSWORD || "customer-demo"
  const authModule = container.resolve(Modules.AUTH)
  for (const customer of customers) {
    const { success, authIdentity, error } = await authModule.register("emailpass", {
      body: { email: customer.email, password: customerPassword },
    })
    if (!success || !authIdentity) {
      throw new Error(`could not create the login of ${customer.email}: ${error}`)
    }
    await authModule.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { ...(authIdentity.app_metadata ?? {}), customer_id: customer.id },
    })
  }

  const address = {
    first_name: "Ada",
    last_name: "Lovelace",
    address_1: "Unter den Linden 1",
    city: "Berlin",
    country_code: "de",
    postal_code: "10117",
  }
  const variant = (handle: string, size = "M") => {
    const product = products.find((p) => p.handle === handle)!
    return product.variants!.find((v) => v.title === size)!
  }
  const orders = [
    { customer: customers[0], channel: defaultChannel.id, items: [["linen-shirt", 2, 49], ["wool-sweater", 1, 89]] },
    { customer: customers[0], channel: outlet.id, items: [["last-season-jacket", 1, 59]] },
    { customer: customers[1], channel: defaultChannel.id, items: [["wool-sweater", 1, 89]] },
    { customer: customers[2], channel: outlet.id, items: [["linen-shirt", 1, 49]] },
  ] as const
  for (const order of orders) {
    await createOrderWorkflow(container).run({
      input: {
        region_id: region.id,
        customer_id: order.customer.id,
        email: order.customer.email,
        sales_channel_id: order.channel,
        currency_code: "eur",
        status: "pending",
        shipping_address: { ...address, first_name: order.customer.first_name ?? "" },
        billing_address: { ...address, first_name: order.customer.first_name ?? "" },
        items: order.items.map(([handle, quantity, price]) => {
          const v = variant(handle)
          return { variant_id: v.id, title: v.title ?? handle, quantity, unit_price: price }
        }),
      },
    })
  }

  // Each storefront gets its Chatwoot desk (the sandbox, or CHATWOOT_URL).
  const chatwootStatus: Record<string, string> = {}
  for (const channel of channels) {
    try {
      await provisionChatwootAccount(container, { sales_channel_id: channel.id })
      chatwootStatus[channel.name] = "active"
    } catch (error) {
      chatwootStatus[channel.name] = `failed: ${(error as Error).message}`
      logger.warn(`Chatwoot provisioning of ${channel.name} failed: ${(error as Error).message}`)
    }
  }

  const { data: orderRows } = await query.graph({ entity: "order", fields: ["id"] })
  logger.info(
    `Seeded 2 storefronts, ${products.length} products, ${customers.length} customers, ${orderRows.length} orders.`
  )

  // Bulk customers for `npm run bench:sync` (DEMO_BULK_CUSTOMERS=N): written straight
  // through the customer module in batches (no workflow, nothing synced yet), imported
  // customers without a storefront login named bulk-<i>@example.com; a backfill makes them contacts.
  const bulk = Number(process.env.DEMO_BULK_CUSTOMERS || 0)
  if (bulk > 0) {
    const customerModule = container.resolve(Modules.CUSTOMER)
    for (let from = 0; from < bulk; from += 1000) {
      await customerModule.createCustomers(
        Array.from({ length: Math.min(1000, bulk - from) }, (_, k) => ({
          email: `bulk-${from + k}@example.com`,
          first_name: "Bulk",
          last_name: `Customer ${from + k}`,
        }))
      )
    }
    logger.info(`Seeded ${bulk} bulk customers.`)
  }

  if (process.env.DEMO_INFO_FILE) {
    fs.writeFileSync(
      process.env.DEMO_INFO_FILE,
      JSON.stringify(
        {
          storefronts: channels.map((c) => ({ ...c, publishable_key: keys[c.name], chatwoot: chatwootStatus[c.name] })),
          customers: customers.map((c) => c.email),
          customer_password: customerPassword,
          secret_api_key: (adminKey as { token: string }).token,
        },
        null,
        2
      )
    )
  }
}

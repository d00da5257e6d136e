import type { MedusaContainer } from "@medusajs/framework/types"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import type { DashboardScope, DashboardSubject } from "./helpers"
import { loadCart } from "./views/cart"
import { customerView, loadCustomer, loadOrderStats } from "./views/customer"
import { loadOrdersPage } from "./views/orders"
import { NO_ACTIONS } from "./views/shared"

/** Everything the dashboard app shows for one contact, read in parallel. */
export async function loadDashboardContext(
  container: MedusaContainer,
  scope: DashboardScope,
  subject: DashboardSubject,
  page: number,
  /** Filled with the duration (ms) of each read, for the Server-Timing header. */
  timings: Record<string, number> = {}
) {
  const options = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).getPublicOptions()
  const timed = <T>(name: string, work: Promise<T>) => {
    const started = performance.now()
    return work.then((value) => {
      timings[name] = performance.now() - started
      return value
    })
  }
  const channelIds = scope.storefronts.map((s) => s.sales_channel_id)
  const [customer, stats, orders, cart] = await Promise.all([
    subject.customer_id ? timed("customer", loadCustomer(container, subject)) : Promise.resolve(null),
    timed("stats", loadOrderStats(container, subject, channelIds)),
    timed("orders", loadOrdersPage(container, scope, subject, page)),
    timed("cart", loadCart(container, subject, channelIds)),
  ])
  const storefront =
    scope.storefronts.find((s) => s.sales_channel_id === subject.sales_channel_id) ??
    (scope.storefronts.length === 1 ? scope.storefronts[0] : null)
  const actions = (subject.verified ? storefront?.actions : null) ?? NO_ACTIONS
  return {
    storefront: storefront ? { sales_channel_id: storefront.sales_channel_id, name: storefront.name } : null,
    storefronts: scope.storefronts.map((s) => ({ sales_channel_id: s.sales_channel_id, name: s.name })),
    customer: customerView(subject, customer, stats, options),
    orders,
    cart,
    actions,
  }
}

import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listAccountsQueryConfig, retrieveAccountQueryConfig } from "./admin/chatwoot/accounts/query-config"
import {
  AdminAddChatwootAgents,
  AdminCreateChatwootAccount,
  AdminEnsureEmailInbox,
  AdminDeleteChatwootAccount,
  AdminGetChatwootAccount,
  AdminListChatwootAccounts,
  AdminUpdateChatwootAccount,
  AdminUpdateStorefrontSettings,
} from "./admin/chatwoot/accounts/validators"
import { StoreGetChatwootWidget, StorePostChatwootContact, StorePostChatwootEvents } from "./store/chatwoot/validators"
import { rateLimitChatwootWebhooks } from "./hooks/chatwoot/rate-limit"
import { installStoreLocaleGuard, rejectMalformedPath, rejectUnsafeBody } from "./hostile-input"
import {
  AdminDismissChatwootContactChange,
  AdminListChatwootContactChanges,
  AdminUpdateWebhookAuth,
} from "./admin/chatwoot/webhook-validators"
import { AdminUpdateRoutingRules } from "./admin/chatwoot/storefronts/[sales_channel_id]/routing/validators"
import { DashboardAppContextQuery, DashboardAppOrderAction } from "./chatwoot/dashboard-app/validators"
import { rateLimitDashboardAppClients } from "./chatwoot/dashboard-app/limits"
import { AdminListChatwootConversations } from "./admin/chatwoot/conversations/validators"
import {
  AdminGetChatwootBackfills,
  AdminGetChatwootSync,
  AdminPostChatwootBackfill,
  AdminReplayChatwootSync,
} from "./admin/chatwoot/sync/validators"

// before Medusa registers its store locale middleware (see hostile-input.ts)
installStoreLocaleGuard()

export default defineMiddlewares({
  routes: [
    // hostile input (hostile-input.ts): no methods, so these run before every route with parameters
    { matcher: "/hooks/chatwoot", middlewares: [rejectMalformedPath] },
    { matcher: "/chatwoot", middlewares: [rejectMalformedPath] },
    {
      matcher: "/store/chatwoot/widget",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreGetChatwootWidget, {})],
    },
    {
      matcher: "/store/chatwoot/contact",
      methods: ["POST"],
      bodyParser: { sizeLimit: "16kb" },
      middlewares: [rejectUnsafeBody, validateAndTransformBody(StorePostChatwootContact)],
    },
    {
      matcher: "/store/chatwoot/events",
      methods: ["POST"],
      bodyParser: { sizeLimit: "32kb" },
      middlewares: [rejectUnsafeBody, validateAndTransformBody(StorePostChatwootEvents)],
    },
    {
      matcher: "/admin/chatwoot/sync",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminGetChatwootSync, {})],
    },
    {
      matcher: "/admin/chatwoot/sync/replay",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminReplayChatwootSync)],
    },
    {
      matcher: "/admin/chatwoot/sync/backfill",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminGetChatwootBackfills, {})],
    },
    {
      matcher: "/admin/chatwoot/sync/backfill",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminPostChatwootBackfill)],
    },
    {
      matcher: "/admin/chatwoot/accounts",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListChatwootAccounts, listAccountsQueryConfig)],
    },
    {
      matcher: "/admin/chatwoot/accounts",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateChatwootAccount)],
    },
    {
      matcher: "/admin/chatwoot/accounts/:id",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminGetChatwootAccount, retrieveAccountQueryConfig)],
    },
    {
      matcher: "/admin/chatwoot/accounts/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateChatwootAccount)],
    },
    {
      matcher: "/admin/chatwoot/accounts/:id",
      methods: ["DELETE"],
      middlewares: [validateAndTransformQuery(AdminDeleteChatwootAccount, {})],
    },
    {
      matcher: "/admin/chatwoot/storefronts/:sales_channel_id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateStorefrontSettings)],
    },
    {
      matcher: "/admin/chatwoot/accounts/:id/email-inbox",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminEnsureEmailInbox)],
    },
    {
      matcher: "/admin/chatwoot/agents",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminAddChatwootAgents)],
    },
    {
      // Chatwoot's webhook: raw bytes kept for the signature, bounded body, per-IP limit
      matcher: "/hooks/chatwoot/:id",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true, sizeLimit: "512kb" },
      middlewares: [rateLimitChatwootWebhooks],
    },
    {
      matcher: "/admin/chatwoot/storefronts/:sales_channel_id/routing",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateRoutingRules)],
    },
    {
      matcher: "/admin/chatwoot/contact-changes",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListChatwootContactChanges, {})],
    },
    {
      matcher: "/admin/chatwoot/contact-changes/:id/dismiss",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminDismissChatwootContactChange)],
    },
    {
      matcher: "/admin/chatwoot/accounts/:id/webhook-auth",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateWebhookAuth)],
    },
    // agent dashboard app (ARCHITECTURE.md, "The agent dashboard app"): no Medusa auth; the routes check the per-account secret header
    {
      // per-client ceiling before any secret lookup (the routes add the per-account one)
      matcher: "/chatwoot/dashboard-app/api/*",
      middlewares: [rateLimitDashboardAppClients],
    },
    {
      matcher: "/chatwoot/dashboard-app/api/context",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(DashboardAppContextQuery, {})],
    },
    {
      matcher: "/chatwoot/dashboard-app/api/orders",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(DashboardAppContextQuery, {})],
    },
    {
      matcher: "/chatwoot/dashboard-app/api/orders/:id/:action",
      methods: ["POST"],
      bodyParser: { sizeLimit: "16kb" },
      middlewares: [rejectUnsafeBody, validateAndTransformBody(DashboardAppOrderAction)],
    },
    {
      matcher: "/admin/chatwoot/conversations",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListChatwootConversations, {})],
    },
  ],
})

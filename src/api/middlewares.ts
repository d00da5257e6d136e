import { defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminListChatwootAccounts } from "./admin/chatwoot/accounts/validators"
import { listAccountsQueryConfig } from "./admin/chatwoot/accounts/query-config"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/chatwoot/accounts",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListChatwootAccounts, listAccountsQueryConfig)],
    },
  ],
})

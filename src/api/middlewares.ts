import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listAccountsQueryConfig, retrieveAccountQueryConfig } from "./admin/chatwoot/accounts/query-config"
import {
  AdminCreateChatwootAccount,
  AdminDeleteChatwootAccount,
  AdminGetChatwootAccount,
  AdminListChatwootAccounts,
  AdminUpdateChatwootAccount,
} from "./admin/chatwoot/accounts/validators"

export default defineMiddlewares({
  routes: [
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
  ],
})

import type {
  CustomAttributeDefinition,
  CustomAttributeDefinitionInput,
  CustomAttributeDisplayType,
  CustomAttributeModel,
  DashboardApp,
  DashboardAppInput,
  Team,
  TeamInput,
  Webhook,
  WebhookInput,
} from "../types"
import { ACCOUNT_PATH, accountRequest, unwrapPayload, type AccountScope } from "./shared"

/** Rails enum values: the OpenAPI spec sends these as integers. */
export const ATTRIBUTE_MODEL_VALUES: Record<CustomAttributeModel, number> = {
  conversation_attribute: 0,
  contact_attribute: 1,
}

export const ATTRIBUTE_DISPLAY_TYPE_VALUES: Record<CustomAttributeDisplayType, number> = {
  text: 0,
  number: 1,
  currency: 2,
  percent: 3,
  link: 4,
  date: 5,
  list: 6,
  checkbox: 7,
}

const DEFINITIONS = `${ACCOUNT_PATH}/custom_attribute_definitions`

export class CustomAttributeDefinitionsApi {
  constructor(private readonly scope: AccountScope) {}

  list(model: CustomAttributeModel): Promise<CustomAttributeDefinition[]> {
    return accountRequest(this.scope, {
      method: "GET",
      path: DEFINITIONS,
      query: { attribute_model: String(ATTRIBUTE_MODEL_VALUES[model]) },
    })
  }

  /** Defines an attribute; a key already defined for the model answers 422 (duplicate). */
  create(input: CustomAttributeDefinitionInput): Promise<CustomAttributeDefinition> {
    return accountRequest(this.scope, {
      method: "POST",
      path: DEFINITIONS,
      body: {
        ...input,
        attribute_display_type: ATTRIBUTE_DISPLAY_TYPE_VALUES[input.attribute_display_type],
        attribute_model: ATTRIBUTE_MODEL_VALUES[input.attribute_model],
      },
      // unique key per model: a repeated create cannot make a second one
      idempotent: true,
    })
  }

  async delete(definitionId: number): Promise<void> {
    await accountRequest(this.scope, { method: "DELETE", path: `${DEFINITIONS}/{id}`, params: { id: definitionId } })
  }
}

const TEAMS = `${ACCOUNT_PATH}/teams`

export class TeamsApi {
  constructor(private readonly scope: AccountScope) {}

  list(): Promise<Team[]> {
    return accountRequest(this.scope, { method: "GET", path: TEAMS })
  }

  create(input: TeamInput): Promise<Team> {
    return accountRequest(this.scope, { method: "POST", path: TEAMS, body: input, idempotent: false })
  }

  async delete(teamId: number): Promise<void> {
    await accountRequest(this.scope, { method: "DELETE", path: `${TEAMS}/{team_id}`, params: { team_id: teamId } })
  }
}

const WEBHOOKS = `${ACCOUNT_PATH}/webhooks`

/** Chatwoot answers `{ payload: { webhook } }` / `{ payload: { webhooks } }`; the spec documents them bare. */
function unwrapWebhook(body: unknown): Webhook {
  const inner = unwrapPayload<Webhook | { webhook: Webhook }>(body)
  return inner && "webhook" in inner ? inner.webhook : (inner as Webhook)
}

export class WebhooksApi {
  constructor(private readonly scope: AccountScope) {}

  async list(): Promise<Webhook[]> {
    const inner = unwrapPayload<Webhook[] | { webhooks: Webhook[] }>(
      await accountRequest(this.scope, { method: "GET", path: WEBHOOKS })
    )
    return Array.isArray(inner) ? inner : inner?.webhooks ?? []
  }

  /** Subscribes a URL (unique per account); the answer carries the signing `secret`. */
  async create(input: WebhookInput): Promise<Webhook> {
    return unwrapWebhook(
      await accountRequest(this.scope, { method: "POST", path: WEBHOOKS, body: input, idempotent: true })
    )
  }

  async update(webhookId: number, input: Partial<WebhookInput>): Promise<Webhook> {
    return unwrapWebhook(
      await accountRequest(this.scope, {
        method: "PATCH",
        path: `${WEBHOOKS}/{webhook_id}`,
        params: { webhook_id: webhookId },
        body: input,
      })
    )
  }

  async delete(webhookId: number): Promise<void> {
    await accountRequest(this.scope, {
      method: "DELETE",
      path: `${WEBHOOKS}/{webhook_id}`,
      params: { webhook_id: webhookId },
    })
  }
}

const DASHBOARD_APPS = `${ACCOUNT_PATH}/dashboard_apps`

/** Dashboard apps (not in the OpenAPI spec; the request body is wrapped as `dashboard_app`). */
export class DashboardAppsApi {
  constructor(private readonly scope: AccountScope) {}

  list(): Promise<DashboardApp[]> {
    return accountRequest(this.scope, { method: "GET", path: DASHBOARD_APPS })
  }

  /** Adds a tab to the conversation view. Not idempotent: Chatwoot allows duplicates. */
  create(input: DashboardAppInput): Promise<DashboardApp> {
    return accountRequest(this.scope, {
      method: "POST",
      path: DASHBOARD_APPS,
      body: { dashboard_app: input },
      idempotent: false,
    })
  }

  update(appId: number, input: Partial<DashboardAppInput>): Promise<DashboardApp> {
    return accountRequest(this.scope, {
      method: "PATCH",
      path: `${DASHBOARD_APPS}/{id}`,
      params: { id: appId },
      body: { dashboard_app: input },
    })
  }

  async delete(appId: number): Promise<void> {
    await accountRequest(this.scope, { method: "DELETE", path: `${DASHBOARD_APPS}/{id}`, params: { id: appId } })
  }
}

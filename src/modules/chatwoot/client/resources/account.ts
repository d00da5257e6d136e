import type { ChatwootHttp } from "../http"
import type { Profile } from "../types"
import { AgentsApi } from "./agents"
import { ContactsApi } from "./contacts"
import { ConversationsApi, MessagesApi } from "./conversations"
import { InboxesApi } from "./inboxes"
import {
  CustomAttributeDefinitionsApi,
  DashboardAppsApi,
  TeamsApi,
  WebhooksApi,
} from "./settings"
import type { AccountScope } from "./shared"

/** Application API of one account, called with one user token. */
export class AccountApi {
  readonly accountId: number
  readonly inboxes: InboxesApi
  readonly contacts: ContactsApi
  readonly customAttributeDefinitions: CustomAttributeDefinitionsApi
  readonly conversations: ConversationsApi
  readonly messages: MessagesApi
  readonly teams: TeamsApi
  readonly webhooks: WebhooksApi
  readonly dashboardApps: DashboardAppsApi
  readonly agents: AgentsApi
  private readonly scope: AccountScope

  constructor(http: ChatwootHttp, accountId: number, token: string) {
    this.accountId = accountId
    this.scope = { http, accountId, token }
    this.inboxes = new InboxesApi(this.scope)
    this.contacts = new ContactsApi(this.scope)
    this.customAttributeDefinitions = new CustomAttributeDefinitionsApi(this.scope)
    this.conversations = new ConversationsApi(this.scope)
    this.messages = new MessagesApi(this.scope)
    this.teams = new TeamsApi(this.scope)
    this.webhooks = new WebhooksApi(this.scope)
    this.dashboardApps = new DashboardAppsApi(this.scope)
    this.agents = new AgentsApi(this.scope)
  }

  /**
   * The token's owner with the accounts it belongs to and its role in each:
   * verifies a pasted token (link mode) before it is stored.
   */
  profile(): Promise<Profile> {
    return this.scope.http.request({ method: "GET", path: "/api/v1/profile", kind: "account", token: this.scope.token })
  }
}

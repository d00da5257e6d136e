/** Application API: dashboard apps. */
import { type RouteContext } from "../context"
import { empty, errors, json, type Router } from "../http"
import { dashboardAppJson } from "../serializers"
import type { DashboardAppRecord } from "../types"
import { has, isObject, str, unwrap } from "../util"
import { A, scope, scoped } from "./shared"

function dashboardContent(raw: unknown): DashboardAppRecord["content"] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined
  const content: DashboardAppRecord["content"] = []
  for (const item of raw) {
    if (!isObject(item) || item.type !== "frame" || typeof item.url !== "string" || !/^https?:\/\//.test(item.url)) {
      return undefined
    }
    content.push({ type: "frame", url: item.url })
  }
  return content
}

export function registerDashboardAppRoutes(router: Router<RouteContext>): void {
  // ---- dashboard apps: no Pundit policy, any account member; index = bare array ----
  router.on("GET", `${A}/dashboard_apps`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const apps = [...ctx.store.state.dashboardApps.values()].filter((a) => a.account_id === account.id)
    return json(200, apps.map(dashboardAppJson))
  })

  router.on("POST", `${A}/dashboard_apps`, (ctx, params) => {
    const s = scope(ctx, params)
    const input = unwrap(ctx.req.body, "dashboard_app")
    const title = str(input.title) ?? ""
    const content = dashboardContent(input.content)
    const problems: Array<[string, string]> = []
    if (!title.trim()) problems.push(["title", "Title can't be blank"])
    if (!content) problems.push(["content", "Content : Invalid data"])
    if (problems.length || !content) throw errors.invalid(problems)
    const now = ctx.store.now()
    const app: DashboardAppRecord = {
      id: ctx.store.nextId("dashboardApp"),
      account_id: s.account.id,
      user_id: s.user.id,
      title,
      content,
      created_at: now,
      updated_at: now,
    }
    ctx.store.state.dashboardApps.set(app.id, app)
    return json(200, dashboardAppJson(app))
  })

  router.on("GET", `${A}/dashboard_apps/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    return json(200, dashboardAppJson(scoped(ctx.store.state.dashboardApps, account.id, params.id)))
  })

  router.on("PATCH", `${A}/dashboard_apps/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const app = scoped(ctx.store.state.dashboardApps, account.id, params.id)
    const input = unwrap(ctx.req.body, "dashboard_app")
    if (has(input, "title")) {
      const title = str(input.title) ?? ""
      if (!title.trim()) throw errors.invalid([["title", "Title can't be blank"]])
      app.title = title
    }
    if (has(input, "content")) {
      const content = dashboardContent(input.content)
      if (!content) throw errors.invalid([["content", "Content : Invalid data"]])
      app.content = content
    }
    app.updated_at = ctx.store.now()
    return json(200, dashboardAppJson(app))
  })

  router.on("DELETE", `${A}/dashboard_apps/:id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const app = scoped(ctx.store.state.dashboardApps, account.id, params.id)
    ctx.store.state.dashboardApps.delete(app.id)
    return { status: 204, empty: true }
  })
}

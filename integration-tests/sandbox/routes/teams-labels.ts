/** Application API: teams and labels. */
import { requireAdmin, type RouteContext } from "../context"
import { empty, errors, json, type Router } from "../http"
import { labelJson, teamJson } from "../serializers"
import type { LabelRecord, TeamRecord } from "../types"
import { bool, has, nullableStr, str, unwrap } from "../util"
import { A, scope, scoped } from "./shared"

export function registerTeamAndLabelRoutes(router: Router<RouteContext>): void {
  // ---- teams ----
  router.on("GET", `${A}/teams`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const teams = [...ctx.store.state.teams.values()].filter((t) => t.account_id === account.id)
    return json(200, teams.map((t) => teamJson(t)))
  })

  router.on("POST", `${A}/teams`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "team")
    const name = str(input.name)?.trim() ?? ""
    if (!name) throw errors.invalid([["name", "Name can't be blank"]])
    if ([...ctx.store.state.teams.values()].some((t) => t.account_id === s.account.id && t.name === name.toLowerCase())) {
      throw errors.invalid([["name", "Name has already been taken"]])
    }
    const now = ctx.store.now()
    const team: TeamRecord = {
      id: ctx.store.nextId("team"),
      account_id: s.account.id,
      // Team#before_validation downcases the name
      name: name.toLowerCase(),
      description: nullableStr(input.description),
      allow_auto_assign: bool(input.allow_auto_assign) ?? true,
      created_at: now,
      updated_at: now,
    }
    ctx.store.state.teams.set(team.id, team)
    return json(200, teamJson(team))
  })

  router.on("GET", `${A}/teams/:team_id`, (ctx, params) => {
    const { account } = scope(ctx, params)
    return json(200, teamJson(scoped(ctx.store.state.teams, account.id, params.team_id)))
  })

  router.on("PATCH", `${A}/teams/:team_id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const team = scoped(ctx.store.state.teams, s.account.id, params.team_id)
    const input = unwrap(ctx.req.body, "team")
    if (has(input, "name")) team.name = (str(input.name) ?? team.name).toLowerCase()
    if (has(input, "description")) team.description = nullableStr(input.description)
    if (has(input, "allow_auto_assign")) team.allow_auto_assign = bool(input.allow_auto_assign) ?? team.allow_auto_assign
    team.updated_at = ctx.store.now()
    return json(200, teamJson(team))
  })

  router.on("DELETE", `${A}/teams/:team_id`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const team = scoped(ctx.store.state.teams, s.account.id, params.team_id)
    ctx.store.state.teams.delete(team.id)
    return { status: 200, empty: true }
  })

  // ---- labels ----
  router.on("GET", `${A}/labels`, (ctx, params) => {
    const { account } = scope(ctx, params)
    const labels = [...ctx.store.state.labels.values()].filter((l) => l.account_id === account.id)
    return json(200, { payload: labels.map(labelJson) })
  })

  router.on("POST", `${A}/labels`, (ctx, params) => {
    const s = scope(ctx, params)
    requireAdmin(s)
    const input = unwrap(ctx.req.body, "label")
    const title = (str(input.title) ?? "").toLowerCase()
    if (!title) throw errors.invalid([["title", "Title can't be blank"]])
    if (!/^[\p{L}\p{N}_-]+$/u.test(title)) throw errors.invalid([["title", "Title is invalid"]])
    if ([...ctx.store.state.labels.values()].some((l) => l.account_id === s.account.id && l.title === title)) {
      throw errors.invalid([["title", "Title has already been taken"]])
    }
    const now = ctx.store.now()
    const label: LabelRecord = {
      id: ctx.store.nextId("label"),
      account_id: s.account.id,
      title,
      description: nullableStr(input.description),
      color: str(input.color) ?? "#1f93ff",
      show_on_sidebar: bool(input.show_on_sidebar) ?? false,
      created_at: now,
      updated_at: now,
    }
    ctx.store.state.labels.set(label.id, label)
    return json(200, labelJson(label))
  })
}

import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { NO_AGENT_ACTIONS, type AgentActionKey } from "../../lib/agent-actions"

/**
 * Per-storefront chat settings: what the admin edits, what the widget route
 * serves, and what is pushed to the Chatwoot website inbox.
 */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1f93ff")
const hour = z.number().int().min(0).max(23)
const minute = z.number().int().min(0).max(59)

export const businessDaySchema = z
  .object({
    day_of_week: z.number().int().min(0).max(6),
    closed_all_day: z.boolean().default(false),
    open_all_day: z.boolean().default(false),
    open_hour: hour.default(9),
    open_minutes: minute.default(0),
    close_hour: hour.default(17),
    close_minutes: minute.default(0),
  })
  .refine(
    (d) =>
      d.closed_all_day ||
      d.open_all_day ||
      d.close_hour * 60 + d.close_minutes > d.open_hour * 60 + d.open_minutes,
    "close time must be after open time"
  )

function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value })
    return true
  } catch {
    return false
  }
}

export const businessHoursSchema = z.object({
  enabled: z.boolean().default(false),
  timezone: z.string().refine(isTimeZone, "must be an IANA time zone, e.g. Europe/Berlin").default("UTC"),
  out_of_office_message: z.string().max(1000).default("We are away right now. Leave a message and we will get back to you."),
  days: z
    .array(businessDaySchema)
    .max(7)
    .refine((days) => new Set(days.map((d) => d.day_of_week)).size === days.length, "one entry per day_of_week")
    .default(defaultDays()),
})

const agentAction = (key: AgentActionKey) => z.boolean().default(NO_AGENT_ACTIONS[key])
export const agentActionsSchema = z.object({
  cancel_order: agentAction("cancel_order"),
  resend_confirmation: agentAction("resend_confirmation"),
  create_return: agentAction("create_return"),
})
export type AgentActions = z.infer<typeof agentActionsSchema>

export const widgetSettingsSchema = z.object({
  widget_color: hexColor.default("#1f93ff"),
  position: z.enum(["left", "right"]).default("right"),
  type: z.enum(["standard", "expanded_bubble"]).default("standard"),
  launcher_title: z.string().max(60).default("Chat with us"),
  welcome_title: z.string().max(120).default("Hi there 👋"),
  welcome_tagline: z.string().max(255).default("We usually reply in a few minutes."),
  reply_time: z.enum(["in_a_few_minutes", "in_a_few_hours", "in_a_day"]).default("in_a_few_minutes"),
  /** null: the store's default locale. */
  locale: z
    .string()
    .regex(/^[a-z]{2}(_[A-Z]{2})?$/, "must be a Chatwoot locale like en, de or pt_BR")
    .nullable()
    .default(null),
  dark_mode: z.enum(["light", "auto", "dark"]).default("light"),
  /** Reject unverified setUser calls (recommended; identities come from /store/chatwoot/identity). */
  hmac_mandatory: z.boolean().default(true),
  /** The storefront's public URL (website inbox `website_url`). */
  website_url: z.string().url().nullable().default(null),
  business_hours: businessHoursSchema.default(() => businessHoursSchema.parse({})),
  /** Order actions agents may run from the dashboard app in Chatwoot; each off until the admin turns it on. */
  agent_actions: agentActionsSchema.default(() => agentActionsSchema.parse({})),
})

export type WidgetSettings = z.infer<typeof widgetSettingsSchema>
export type BusinessHours = z.infer<typeof businessHoursSchema>
export type WidgetSettingsInput = z.input<typeof widgetSettingsSchema>

/** Settings with defaults filled in, from whatever is stored (or nothing). */
export function resolveWidgetSettings(stored: unknown): WidgetSettings {
  return widgetSettingsSchema.parse(stored ?? {})
}

/** The settings an admin may change, each optional (an update sends only what changes). */
export const WIDGET_SETTING_KEYS = Object.keys(widgetSettingsSchema.shape) as (keyof WidgetSettings)[]

/**
 * Applies a partial update on top of stored settings. Invalid values fail
 * with INVALID_DATA naming the setting.
 */
export function mergeWidgetSettings(stored: unknown, patch: Partial<WidgetSettingsInput>): WidgetSettings {
  const current = resolveWidgetSettings(stored)
  const result = widgetSettingsSchema.safeParse({
    ...current,
    ...patch,
    business_hours: patch.business_hours
      ? { ...current.business_hours, ...patch.business_hours }
      : current.business_hours,
    agent_actions:
      patch.agent_actions && typeof patch.agent_actions === "object" && !Array.isArray(patch.agent_actions)
        ? { ...current.agent_actions, ...patch.agent_actions }
        : (patch.agent_actions ?? current.agent_actions),
  })
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${issue.path.join(".")}: ${issue.message}`)
  }
  return result.data
}

function defaultDays() {
  // Chatwoot's own default: Monday–Friday 09:00–17:00, weekend closed.
  return [0, 1, 2, 3, 4, 5, 6].map((day) => ({
    day_of_week: day,
    closed_all_day: day === 0 || day === 6,
    open_all_day: false,
    open_hour: 9,
    open_minutes: 0,
    close_hour: 17,
    close_minutes: 0,
  }))
}

/** The website-inbox channel fields Chatwoot stores for these settings. */
export function toWebWidgetChannel(settings: WidgetSettings, fallbackWebsiteUrl: string) {
  return {
    website_url: settings.website_url ?? fallbackWebsiteUrl,
    widget_color: settings.widget_color,
    welcome_title: settings.welcome_title,
    welcome_tagline: settings.welcome_tagline,
    reply_time: settings.reply_time,
    hmac_mandatory: settings.hmac_mandatory,
  }
}

/** The inbox-level business-hours fields (PATCH /inboxes/{id}). */
export function toInboxWorkingHours(hours: BusinessHours) {
  return {
    working_hours_enabled: hours.enabled,
    timezone: hours.timezone,
    out_of_office_message: hours.out_of_office_message,
    working_hours: hours.days.map((d) => ({
      day_of_week: d.day_of_week,
      closed_all_day: d.closed_all_day,
      open_all_day: d.open_all_day,
      open_hour: d.open_hour,
      open_minutes: d.open_minutes,
      close_hour: d.close_hour,
      close_minutes: d.close_minutes,
    })),
  }
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

/** Local day of week and minutes since midnight of `at` in `timeZone`. */
function localTime(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)!.value
  return { day: WEEKDAYS[get("weekday")], minutes: Number(get("hour")) * 60 + Number(get("minute")) }
}

/**
 * Whether the desk is open at `at`, and when it next opens (ISO string) when
 * closed. Always open when business hours are disabled.
 */
export function businessHoursStatus(hours: BusinessHours, at: Date = new Date()) {
  if (!hours.enabled) {
    return { open_now: true, next_open_at: null as string | null }
  }
  const byDay = new Map(hours.days.map((d) => [d.day_of_week, d]))
  const isOpenAt = (instant: Date) => {
    const { day, minutes } = localTime(instant, hours.timezone)
    const d = byDay.get(day)
    if (!d || d.closed_all_day) return false
    if (d.open_all_day) return true
    return minutes >= d.open_hour * 60 + d.open_minutes && minutes < d.close_hour * 60 + d.close_minutes
  }
  if (isOpenAt(at)) {
    return { open_now: true, next_open_at: null as string | null }
  }
  // Walk forward minute by minute in 15-minute steps (business hours use whole minutes,
  // Chatwoot's UI uses quarter hours), then refine to the minute; at most 8 days.
  const step = 15 * 60_000
  const start = Math.ceil(at.getTime() / 60_000) * 60_000
  for (let t = start; t <= start + 8 * 86_400_000; t += step) {
    if (isOpenAt(new Date(t))) {
      let exact = t
      while (exact - 60_000 > at.getTime() && isOpenAt(new Date(exact - 60_000))) exact -= 60_000
      return { open_now: false, next_open_at: new Date(exact).toISOString() }
    }
  }
  return { open_now: false, next_open_at: null as string | null }
}

import {
  businessHoursStatus,
  mergeWidgetSettings,
  resolveWidgetSettings,
  toInboxWorkingHours,
  toWebWidgetChannel,
  widgetSettingsSchema,
} from "../widget-settings"

describe("widget settings", () => {
  it("fills defaults: right-side standard bubble, HMAC enforced, weekday business hours", () => {
    const s = resolveWidgetSettings(null)
    expect(s.position).toBe("right")
    expect(s.type).toBe("standard")
    expect(s.hmac_mandatory).toBe(true)
    expect(s.locale).toBeNull()
    expect(s.business_hours.enabled).toBe(false)
    expect(s.business_hours.days).toHaveLength(7)
    expect(s.business_hours.days.filter((d) => d.closed_all_day).map((d) => d.day_of_week)).toEqual([0, 6])
  })

  it.each([
    [{ widget_color: "red" }, "widget_color"],
    [{ position: "top" }, "position"],
    [{ locale: "german" }, "locale"],
    [{ business_hours: { timezone: "Mars/Olympus" } }, "business_hours"],
    [{ business_hours: { days: [{ day_of_week: 1, open_hour: 18, close_hour: 9 }] } }, "business_hours"],
    [{ business_hours: { days: [{ day_of_week: 1 }, { day_of_week: 1 }] } }, "business_hours"],
    [{ website_url: "not a url" }, "website_url"],
  ])("rejects %j naming %s", (input, field) => {
    const r = widgetSettingsSchema.safeParse(input)
    expect(r.success).toBe(false)
    expect(r.error!.issues[0].path[0]).toBe(field)
  })

  it("merges a partial update over stored settings", () => {
    const stored = resolveWidgetSettings({ widget_color: "#000000", launcher_title: "Help" })
    const merged = mergeWidgetSettings(stored, { position: "left", business_hours: { enabled: true } as any })
    expect(merged.widget_color).toBe("#000000")
    expect(merged.launcher_title).toBe("Help")
    expect(merged.position).toBe("left")
    expect(merged.business_hours.enabled).toBe(true)
    expect(merged.business_hours.days).toHaveLength(7)
  })

  it("maps to Chatwoot's web widget channel and working hours", () => {
    const s = resolveWidgetSettings({ widget_color: "#0F766E", business_hours: { enabled: true, timezone: "Europe/Berlin" } })
    expect(toWebWidgetChannel(s, "https://shop.example.com")).toEqual({
      website_url: "https://shop.example.com",
      widget_color: "#0F766E",
      welcome_title: s.welcome_title,
      welcome_tagline: s.welcome_tagline,
      reply_time: "in_a_few_minutes",
      hmac_mandatory: true,
    })
    const wh = toInboxWorkingHours(s.business_hours)
    expect(wh.working_hours_enabled).toBe(true)
    expect(wh.timezone).toBe("Europe/Berlin")
    expect(wh.working_hours[1]).toEqual({
      day_of_week: 1, closed_all_day: false, open_all_day: false, open_hour: 9, open_minutes: 0, close_hour: 17, close_minutes: 0,
    })
  })
})

describe("businessHoursStatus", () => {
  const hours = resolveWidgetSettings({
    business_hours: { enabled: true, timezone: "Europe/Berlin" },
  }).business_hours

  it("is always open when business hours are off", () => {
    expect(businessHoursStatus({ ...hours, enabled: false }, new Date("2026-11-28T03:00:00Z"))).toEqual({
      open_now: true,
      next_open_at: null,
    })
  })

  it("is open on a weekday afternoon in the desk's time zone", () => {
    // Wednesday 2026-11-25 14:00 Berlin (13:00 UTC)
    expect(businessHoursStatus(hours, new Date("2026-11-25T13:00:00Z")).open_now).toBe(true)
  })

  it("is closed after hours and opens next morning at 09:00 local time", () => {
    // Wednesday 17:30 Berlin = 16:30 UTC → Thursday 09:00 Berlin = 08:00 UTC
    expect(businessHoursStatus(hours, new Date("2026-11-25T16:30:00Z"))).toEqual({
      open_now: false,
      next_open_at: "2026-11-26T08:00:00.000Z",
    })
  })

  it("skips the weekend", () => {
    // Saturday 2026-11-28 12:00 UTC → Monday 2026-11-30 09:00 Berlin = 08:00 UTC
    expect(businessHoursStatus(hours, new Date("2026-11-28T12:00:00Z")).next_open_at).toBe("2026-11-30T08:00:00.000Z")
  })

  it("handles a 09:30 opening to the minute", () => {
    const h = { ...hours, days: hours.days.map((d) => ({ ...d, open_minutes: 30 })) }
    expect(businessHoursStatus(h, new Date("2026-11-26T06:00:00Z")).next_open_at).toBe("2026-11-26T08:30:00.000Z")
  })
})

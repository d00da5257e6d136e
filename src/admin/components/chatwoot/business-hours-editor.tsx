import { Heading, Hint, Input, Label, Text, Textarea } from "@medusajs/ui"
import type { BusinessDay, BusinessHours } from "../../lib/types"
import { isTimeZone, timeZones } from "../../lib/validation"
import { Field } from "./field"
import { SelectInput, type SelectOption } from "./select-field"
import { InlineSwitch } from "./switch-row"

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
/** Monday first, like Chatwoot's own business-hours editor. */
const DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0]

type DayMode = "hours" | "all_day" | "closed"

const DAY_MODES: SelectOption<DayMode>[] = [
  { value: "hours", label: "Open" },
  { value: "all_day", label: "Open 24 hours" },
  { value: "closed", label: "Closed" },
]

const pad = (n: number) => String(n).padStart(2, "0")
const toTime = (hour: number, minutes: number) => `${pad(hour)}:${pad(minutes)}`
function fromTime(value: string): { hour: number; minutes: number } | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(value)
  if (!match) return null
  const hour = Number(match[1])
  const minutes = Number(match[2])
  return hour <= 23 && minutes <= 59 ? { hour, minutes } : null
}

function dayMode(day: BusinessDay): DayMode {
  return day.closed_all_day ? "closed" : day.open_all_day ? "all_day" : "hours"
}

function defaultDay(dayOfWeek: number): BusinessDay {
  return {
    day_of_week: dayOfWeek,
    closed_all_day: dayOfWeek === 0 || dayOfWeek === 6,
    open_all_day: false,
    open_hour: 9,
    open_minutes: 0,
    close_hour: 17,
    close_minutes: 0,
  }
}

/** The error of one day, if its hours are not a valid range. */
export function businessDayError(day: BusinessDay): string | null {
  if (day.closed_all_day || day.open_all_day) return null
  return day.close_hour * 60 + day.close_minutes > day.open_hour * 60 + day.open_minutes
    ? null
    : "Closing time must be after opening time"
}

export function businessHoursErrors(hours: BusinessHours) {
  return {
    timezone: isTimeZone(hours.timezone) ? null : "An IANA time zone, e.g. Europe/Berlin",
    out_of_office_message: hours.out_of_office_message.length > 1000 ? "At most 1000 characters" : null,
    days: Object.fromEntries(hours.days.map((d) => [d.day_of_week, businessDayError(d)])) as Record<number, string | null>,
  }
}

type BusinessHoursEditorProps = {
  value: BusinessHours
  onChange: (value: BusinessHours) => void
}

/** Opening hours per weekday, time zone and the out-of-office message. */
export const BusinessHoursEditor = ({ value, onChange }: BusinessHoursEditorProps) => {
  const errors = businessHoursErrors(value)
  const zones = timeZones()
  const byDay = new Map(value.days.map((d) => [d.day_of_week, d]))

  const setDay = (dayOfWeek: number, patch: Partial<BusinessDay>) => {
    const current = byDay.get(dayOfWeek) ?? defaultDay(dayOfWeek)
    const next = { ...current, ...patch }
    const days = DISPLAY_ORDER.map((d) => (d === dayOfWeek ? next : byDay.get(d) ?? defaultDay(d))).sort(
      (a, b) => a.day_of_week - b.day_of_week
    )
    onChange({ ...value, days })
  }

  const setMode = (dayOfWeek: number, mode: DayMode) =>
    setDay(dayOfWeek, { closed_all_day: mode === "closed", open_all_day: mode === "all_day" })

  return (
    <div className="flex flex-col gap-y-4">
      <div>
        <Heading level="h3">Business hours</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Outside these hours the widget shows the out-of-office message and when you are back.
        </Text>
      </div>
      <InlineSwitch
        id="chatwoot-bh-enabled"
        label="Use business hours"
        checked={value.enabled}
        onChange={(enabled) => onChange({ ...value, enabled })}
      />

      <Field id="chatwoot-bh-timezone" label="Time zone" error={errors.timezone}>
        <Input
          id="chatwoot-bh-timezone"
          list="chatwoot-bh-timezones"
          value={value.timezone}
          onChange={(e) => onChange({ ...value, timezone: e.target.value })}
          placeholder="Europe/Berlin"
        />
        <datalist id="chatwoot-bh-timezones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>

      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          Opening hours
        </Label>
        <div className="divide-y rounded-lg border">
          {DISPLAY_ORDER.map((dayOfWeek) => {
            const day = byDay.get(dayOfWeek) ?? defaultDay(dayOfWeek)
            const mode = dayMode(day)
            const error = errors.days[dayOfWeek]
            return (
              <div key={dayOfWeek} className="flex flex-col gap-y-1 px-3 py-2" data-testid={`chatwoot-bh-day-${dayOfWeek}`}>
                <div className="flex items-center gap-x-2">
                  <Text size="small" weight="plus" className="w-24 shrink-0">
                    {DAY_NAMES[dayOfWeek]}
                  </Text>
                  <div className="w-36 shrink-0">
                    <SelectInput
                      size="small"
                      value={mode}
                      onChange={(m) => setMode(dayOfWeek, m)}
                      aria-label={`${DAY_NAMES[dayOfWeek]} opening`}
                      options={DAY_MODES}
                    />
                  </div>
                  {mode === "hours" && (
                    <div className="flex items-center gap-x-1">
                      <Input
                        size="small"
                        type="time"
                        aria-label={`${DAY_NAMES[dayOfWeek]} opens at`}
                        value={toTime(day.open_hour, day.open_minutes)}
                        onChange={(e) => {
                          const t = fromTime(e.target.value)
                          if (t) setDay(dayOfWeek, { open_hour: t.hour, open_minutes: t.minutes })
                        }}
                      />
                      <Text size="small" className="text-ui-fg-muted">
                        –
                      </Text>
                      <Input
                        size="small"
                        type="time"
                        aria-label={`${DAY_NAMES[dayOfWeek]} closes at`}
                        value={toTime(day.close_hour, day.close_minutes)}
                        onChange={(e) => {
                          const t = fromTime(e.target.value)
                          if (t) setDay(dayOfWeek, { close_hour: t.hour, close_minutes: t.minutes })
                        }}
                      />
                    </div>
                  )}
                </div>
                {error && <Hint variant="error">{error}</Hint>}
              </div>
            )
          })}
        </div>
      </div>

      <Field id="chatwoot-bh-ooo" label="Out-of-office message" error={errors.out_of_office_message}>
        <Textarea
          id="chatwoot-bh-ooo"
          rows={3}
          value={value.out_of_office_message}
          onChange={(e) => onChange({ ...value, out_of_office_message: e.target.value })}
        />
      </Field>
    </div>
  )
}

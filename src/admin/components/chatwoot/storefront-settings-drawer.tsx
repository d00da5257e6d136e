import { Divider, Heading, Input, Text, Textarea, toast } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { AGENT_ACTION_KEYS, NO_AGENT_ACTIONS, type AgentActionKey } from "../../../lib/agent-actions"
import { useStorefrontSettings, useUpdateStorefrontSettings } from "../../hooks/use-storefront-settings"
import { errorMessage } from "../../lib/format"
import type { DarkMode, ReplyTime, WidgetPosition, WidgetSettings, WidgetSettingsPatch, WidgetType } from "../../lib/types"
import { isChatwootLocale, isHexColor, isHttpUrl } from "../../lib/validation"
import { BusinessHoursEditor, businessHoursErrors } from "./business-hours-editor"
import { Field } from "./field"
import { DrawerForm, DrawerQuery, FormDrawer } from "./form-drawer"
import { SelectField, type SelectOption } from "./select-field"
import { SwitchRow } from "./switch-row"

type StorefrontSettingsDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  salesChannelId: string
  salesChannelName: string
}

/** The chat widget settings of one storefront (sales channel). Routing rules have their own drawer. */
export const StorefrontSettingsDrawer = ({
  open,
  onOpenChange,
  salesChannelId,
  salesChannelName,
}: StorefrontSettingsDrawerProps) => (
  <FormDrawer
    open={open}
    onOpenChange={onOpenChange}
    title={`Chat settings · ${salesChannelName}`}
    testId="chatwoot-storefront-settings"
  >
    {open && <SettingsLoader salesChannelId={salesChannelId} onDone={() => onOpenChange(false)} />}
  </FormDrawer>
)

const SettingsLoader = ({ salesChannelId, onDone }: { salesChannelId: string; onDone: () => void }) => {
  const settings = useStorefrontSettings(salesChannelId)
  return (
    <DrawerQuery query={settings} what="settings">
      {(data) => <SettingsForm salesChannelId={salesChannelId} initial={data.storefront.settings} onDone={onDone} />}
    </DrawerQuery>
  )
}

const AGENT_ACTIONS: Record<AgentActionKey, { label: string; help: string }> = {
  cancel_order: { label: "Cancel orders", help: "Cancel an order that has no fulfilment yet (Medusa's cancel flow)." },
  resend_confirmation: {
    label: "Resend order confirmations",
    help: "Send the order confirmation again (emits order.placed with resend: true).",
  },
  create_return: { label: "Create return requests", help: "Request the return of fulfilled items (Medusa's return flow)." },
}

const POSITIONS: SelectOption<WidgetPosition>[] = [
  { value: "right", label: "Bottom right" },
  { value: "left", label: "Bottom left" },
]
const LAUNCHERS: SelectOption<WidgetType>[] = [
  { value: "standard", label: "Bubble" },
  { value: "expanded_bubble", label: "Expanded bubble" },
]
const THEMES: SelectOption<DarkMode>[] = [
  { value: "light", label: "Light" },
  { value: "auto", label: "Follow the visitor" },
  { value: "dark", label: "Dark" },
]
const REPLY_TIMES: SelectOption<ReplyTime>[] = [
  { value: "in_a_few_minutes", label: "In a few minutes" },
  { value: "in_a_few_hours", label: "In a few hours" },
  { value: "in_a_day", label: "In a day" },
]

type FormState = Omit<WidgetSettings, "locale" | "website_url"> & { locale: string; website_url: string }

const toForm = (s: WidgetSettings): FormState => ({ ...s, locale: s.locale ?? "", website_url: s.website_url ?? "" })

const Section = ({ title, description, children }: { title: string; description?: string; children: ReactNode }) => (
  <section className="flex flex-col gap-y-4">
    <div>
      <Heading level="h3">{title}</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {children}
  </section>
)

function settingsErrors(form: FormState) {
  const hoursErrors = businessHoursErrors(form.business_hours)
  const errors = {
    widget_color: isHexColor(form.widget_color) ? null : "A colour like #1f93ff",
    launcher_title: form.launcher_title.length > 60 ? "At most 60 characters" : null,
    welcome_title: form.welcome_title.length > 120 ? "At most 120 characters" : null,
    welcome_tagline: form.welcome_tagline.length > 255 ? "At most 255 characters" : null,
    locale: form.locale.trim() && !isChatwootLocale(form.locale.trim()) ? "A Chatwoot locale like en, de or pt_BR" : null,
    website_url: form.website_url.trim() && !isHttpUrl(form.website_url.trim()) ? "A full URL like https://shop.example.com" : null,
  }
  const invalid =
    Object.values(errors).some(Boolean) ||
    !!hoursErrors.timezone ||
    !!hoursErrors.out_of_office_message ||
    Object.values(hoursErrors.days).some(Boolean)
  return { errors, invalid }
}

const SettingsForm = ({
  salesChannelId,
  initial,
  onDone,
}: {
  salesChannelId: string
  initial: WidgetSettings
  onDone: () => void
}) => {
  const update = useUpdateStorefrontSettings(salesChannelId)
  const [form, setForm] = useState<FormState>(() => toForm(initial))
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const { errors, invalid } = settingsErrors(form)

  const onSubmit = () => {
    if (invalid) {
      toast.error("Please fix the highlighted fields")
      return
    }
    const body: WidgetSettingsPatch = {
      ...form,
      widget_color: form.widget_color.toLowerCase(),
      locale: form.locale.trim() || null,
      website_url: form.website_url.trim() || null,
    }
    update.mutate(body, {
      onSuccess: () => {
        toast.success("Chat settings saved")
        onDone()
      },
      onError: (error) => toast.error("Could not save the chat settings", { description: errorMessage(error) }),
    })
  }

  return (
    <DrawerForm onSubmit={onSubmit} pending={update.isPending} submitLabel="Save" error={update.error} gap="gap-y-8">
      <Section title="Appearance">
        <Field id="chatwoot-widget-color" label="Colour" error={errors.widget_color}>
          <div className="flex items-center gap-x-2">
            <input
              type="color"
              aria-label="Pick the widget colour"
              className="h-8 w-10 shrink-0 cursor-pointer rounded-md border bg-transparent p-0.5"
              value={isHexColor(form.widget_color) ? form.widget_color : "#1f93ff"}
              onChange={(e) => set("widget_color", e.target.value)}
            />
            <Input id="chatwoot-widget-color" value={form.widget_color} onChange={(e) => set("widget_color", e.target.value)} />
          </div>
        </Field>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <SelectField id="chatwoot-widget-position" label="Position" value={form.position} onChange={(v) => set("position", v)} options={POSITIONS} />
          <SelectField id="chatwoot-widget-type" label="Launcher" value={form.type} onChange={(v) => set("type", v)} options={LAUNCHERS} />
          <SelectField id="chatwoot-widget-dark-mode" label="Theme" value={form.dark_mode} onChange={(v) => set("dark_mode", v)} options={THEMES} />
        </div>
      </Section>

      <Divider />

      <Section title="Texts">
        <Field id="chatwoot-launcher-title" label="Launcher title" hint="Shown on the expanded bubble" error={errors.launcher_title}>
          <Input id="chatwoot-launcher-title" value={form.launcher_title} onChange={(e) => set("launcher_title", e.target.value)} />
        </Field>
        <Field id="chatwoot-welcome-title" label="Welcome title" error={errors.welcome_title}>
          <Input id="chatwoot-welcome-title" value={form.welcome_title} onChange={(e) => set("welcome_title", e.target.value)} />
        </Field>
        <Field id="chatwoot-welcome-tagline" label="Welcome tagline" error={errors.welcome_tagline}>
          <Textarea
            id="chatwoot-welcome-tagline"
            rows={2}
            value={form.welcome_tagline}
            onChange={(e) => set("welcome_tagline", e.target.value)}
          />
        </Field>
        <SelectField
          id="chatwoot-reply-time"
          label="Typical reply time"
          value={form.reply_time}
          onChange={(v) => set("reply_time", v)}
          options={REPLY_TIMES}
        />
      </Section>

      <Divider />

      <Section title="Language and website">
        <Field id="chatwoot-widget-locale" label="Locale" optional hint="Empty: the store's default locale" error={errors.locale}>
          <Input id="chatwoot-widget-locale" value={form.locale} placeholder="en" onChange={(e) => set("locale", e.target.value)} />
        </Field>
        <Field
          id="chatwoot-website-url"
          label="Website URL"
          optional
          hint="The storefront's public address (the website inbox's domain)"
          error={errors.website_url}
        >
          <Input
            id="chatwoot-website-url"
            type="url"
            value={form.website_url}
            placeholder="https://shop.example.com"
            onChange={(e) => set("website_url", e.target.value)}
          />
        </Field>
      </Section>

      <Divider />

      <Section title="Security">
        <SwitchRow
          id="chatwoot-hmac"
          label="Enforce identity verification (HMAC)"
          hint="Chatwoot rejects a logged-in customer's identity unless it carries the HMAC from /store/chatwoot/identity, so nobody can chat as someone else. Recommended."
          checked={form.hmac_mandatory}
          onChange={(v) => set("hmac_mandatory", v)}
        />
      </Section>

      <Divider />

      <Section
        title="Agent actions"
        description="Order actions agents may run from the Medusa dashboard app inside Chatwoot. Each asks the agent to confirm and is recorded as a private note in the conversation."
      >
        {AGENT_ACTION_KEYS.map((key) => (
          <SwitchRow
            key={key}
            id={`chatwoot-action-${key}`}
            testId={`chatwoot-action-${key}`}
            label={AGENT_ACTIONS[key].label}
            hint={AGENT_ACTIONS[key].help}
            checked={Boolean(form.agent_actions?.[key])}
            onChange={(v) => set("agent_actions", { ...NO_AGENT_ACTIONS, ...form.agent_actions, [key]: v })}
          />
        ))}
      </Section>

      <Divider />

      <BusinessHoursEditor value={form.business_hours} onChange={(v) => set("business_hours", v)} />
    </DrawerForm>
  )
}

import { Alert, Button, Divider, Drawer, Heading, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useState, type FormEvent, type ReactNode } from "react"
import { useStorefrontSettings, useUpdateStorefrontSettings } from "../../hooks/use-storefront-settings"
import { errorMessage } from "../../lib/format"
import type { AgentActions, DarkMode, ReplyTime, WidgetPosition, WidgetSettings, WidgetSettingsPatch, WidgetType } from "../../lib/types"
import { isChatwootLocale, isHexColor, isHttpUrl } from "../../lib/validation"
import { BusinessHoursEditor, businessHoursErrors } from "./business-hours-editor"
import { Field } from "./field"
import { RoutingRulesSection } from "./routing-rules-section"

type StorefrontSettingsDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  salesChannelId: string
  salesChannelName: string
}

/** The chat widget settings of one storefront (sales channel). */
export const StorefrontSettingsDrawer = ({
  open,
  onOpenChange,
  salesChannelId,
  salesChannelName,
}: StorefrontSettingsDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content aria-describedby={undefined} data-testid="chatwoot-storefront-settings">
      <Drawer.Header>
        <Drawer.Title>Chat settings · {salesChannelName}</Drawer.Title>
      </Drawer.Header>
      {open && <SettingsLoader salesChannelId={salesChannelId} onDone={() => onOpenChange(false)} />}
    </Drawer.Content>
  </Drawer>
)

const SettingsLoader = ({ salesChannelId, onDone }: { salesChannelId: string; onDone: () => void }) => {
  const settings = useStorefrontSettings(salesChannelId)
  if (settings.isLoading) {
    return (
      <Drawer.Body>
        <Text size="small" className="text-ui-fg-subtle">
          Loading settings…
        </Text>
      </Drawer.Body>
    )
  }
  if (settings.isError || !settings.data) {
    return (
      <Drawer.Body className="flex flex-col gap-y-4">
        <Alert variant="error" dismissible={false}>
          Could not load the settings: {errorMessage(settings.error)}
        </Alert>
        <div>
          <Button size="small" variant="secondary" onClick={() => settings.refetch()} isLoading={settings.isFetching}>
            Try again
          </Button>
        </div>
      </Drawer.Body>
    )
  }
  return (
    <SettingsForm salesChannelId={salesChannelId} initial={settings.data.storefront.settings} onDone={onDone} />
  )
}

const NO_AGENT_ACTIONS: AgentActions = { cancel_order: false, resend_confirmation: false, create_return: false }

const AGENT_ACTIONS: { key: keyof AgentActions; label: string; help: string }[] = [
  { key: "cancel_order", label: "Cancel orders", help: "Cancel an order that has no fulfilment yet (Medusa's cancel flow)." },
  { key: "resend_confirmation", label: "Resend order confirmations", help: "Send the order confirmation again (emits order.placed with resend: true)." },
  { key: "create_return", label: "Create return requests", help: "Request the return of fulfilled items (Medusa's return flow)." },
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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
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
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Body className="flex flex-1 flex-col gap-y-8 overflow-y-auto">
        {update.isError && (
          <Alert variant="error" dismissible={false}>
            {errorMessage(update.error)}
          </Alert>
        )}

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
              <Input
                id="chatwoot-widget-color"
                value={form.widget_color}
                onChange={(e) => set("widget_color", e.target.value)}
              />
            </div>
          </Field>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <Field id="chatwoot-widget-position" label="Position">
              <Select value={form.position} onValueChange={(v) => set("position", v as WidgetPosition)}>
                <Select.Trigger id="chatwoot-widget-position">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="right">Bottom right</Select.Item>
                  <Select.Item value="left">Bottom left</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            <Field id="chatwoot-widget-type" label="Launcher">
              <Select value={form.type} onValueChange={(v) => set("type", v as WidgetType)}>
                <Select.Trigger id="chatwoot-widget-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="standard">Bubble</Select.Item>
                  <Select.Item value="expanded_bubble">Expanded bubble</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            <Field id="chatwoot-widget-dark-mode" label="Theme">
              <Select value={form.dark_mode} onValueChange={(v) => set("dark_mode", v as DarkMode)}>
                <Select.Trigger id="chatwoot-widget-dark-mode">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="light">Light</Select.Item>
                  <Select.Item value="auto">Follow the visitor</Select.Item>
                  <Select.Item value="dark">Dark</Select.Item>
                </Select.Content>
              </Select>
            </Field>
          </div>
        </Section>

        <Divider />

        <Section title="Texts">
          <Field
            id="chatwoot-launcher-title"
            label="Launcher title"
            hint="Shown on the expanded bubble"
            error={errors.launcher_title}
          >
            <Input
              id="chatwoot-launcher-title"
              value={form.launcher_title}
              onChange={(e) => set("launcher_title", e.target.value)}
            />
          </Field>
          <Field id="chatwoot-welcome-title" label="Welcome title" error={errors.welcome_title}>
            <Input
              id="chatwoot-welcome-title"
              value={form.welcome_title}
              onChange={(e) => set("welcome_title", e.target.value)}
            />
          </Field>
          <Field id="chatwoot-welcome-tagline" label="Welcome tagline" error={errors.welcome_tagline}>
            <Textarea
              id="chatwoot-welcome-tagline"
              rows={2}
              value={form.welcome_tagline}
              onChange={(e) => set("welcome_tagline", e.target.value)}
            />
          </Field>
          <Field id="chatwoot-reply-time" label="Typical reply time">
            <Select value={form.reply_time} onValueChange={(v) => set("reply_time", v as ReplyTime)}>
              <Select.Trigger id="chatwoot-reply-time">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="in_a_few_minutes">In a few minutes</Select.Item>
                <Select.Item value="in_a_few_hours">In a few hours</Select.Item>
                <Select.Item value="in_a_day">In a day</Select.Item>
              </Select.Content>
            </Select>
          </Field>
        </Section>

        <Divider />

        <Section title="Language and website">
          <Field
            id="chatwoot-widget-locale"
            label="Locale"
            optional
            hint="Empty: the store's default locale"
            error={errors.locale}
          >
            <Input
              id="chatwoot-widget-locale"
              value={form.locale}
              placeholder="en"
              onChange={(e) => set("locale", e.target.value)}
            />
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
          <div className="flex items-start justify-between gap-x-4">
            <div>
              <Label htmlFor="chatwoot-hmac" size="small" weight="plus">
                Enforce identity verification (HMAC)
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                Chatwoot rejects a logged-in customer&apos;s identity unless it carries the HMAC from
                /store/chatwoot/identity, so nobody can chat as someone else. Recommended.
              </Text>
            </div>
            <div className="shrink-0 pt-0.5">
              <Switch id="chatwoot-hmac" checked={form.hmac_mandatory} onCheckedChange={(v) => set("hmac_mandatory", v)} />
            </div>
          </div>
        </Section>

        <Divider />

        <Section
          title="Agent actions"
          description="Order actions agents may run from the Medusa dashboard app inside Chatwoot. Each asks the agent to confirm and is recorded as a private note in the conversation."
        >
          {AGENT_ACTIONS.map(({ key, label, help }) => (
            <div key={key} className="flex items-start justify-between gap-x-4">
              <div>
                <Label htmlFor={`chatwoot-action-${key}`} size="small" weight="plus">
                  {label}
                </Label>
                <Text size="small" className="text-ui-fg-subtle">
                  {help}
                </Text>
              </div>
              <div className="shrink-0 pt-0.5">
                <Switch
                  id={`chatwoot-action-${key}`}
                  data-testid={`chatwoot-action-${key}`}
                  checked={Boolean(form.agent_actions?.[key])}
                  onCheckedChange={(v) => set("agent_actions", { ...NO_AGENT_ACTIONS, ...form.agent_actions, [key]: v })}
                />
              </div>
            </div>
          ))}
        </Section>

        <Divider />

        <BusinessHoursEditor value={form.business_hours} onChange={(v) => set("business_hours", v)} />

        <Divider />

        <RoutingRulesSection salesChannelId={salesChannelId} />
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" disabled={update.isPending}>
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={update.isPending} disabled={update.isPending}>
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

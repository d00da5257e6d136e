import { Alert, Button, Checkbox, Heading, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import {
  useRoutingRules,
  useUpdateRoutingRules,
  type RoutingPriority,
  type RoutingRules,
  type RoutingRulesInput,
} from "../../hooks/use-routing-rules"
import { errorMessage } from "../../lib/format"
import { Field } from "./field"

const PRIORITIES: { value: RoutingPriority | "none"; label: string }[] = [
  { value: "none", label: "Leave as is" },
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
  { value: "urgent", label: "Urgent" },
]

const LANGUAGE = /^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?$/
const LABEL = /^[a-z0-9_-]{1,50}$/

const toInput = (r: RoutingRules): RoutingRulesInput => ({
  ...r,
  storefront_team: r.storefront_team?.name ?? null,
  language_teams: r.language_teams.map((l) => ({ language: l.language, team: l.team.name })),
})

/**
 * Routing rules of one storefront (priority by tier, teams by storefront and
 * language, labels), applied by the plugin to each new conversation in
 * Chatwoot. Saved on its own: it is a separate call that may create teams.
 */
export const RoutingRulesSection = ({ salesChannelId }: { salesChannelId: string }) => {
  const query = useRoutingRules(salesChannelId)
  if (query.isLoading) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        Loading routing rules…
      </Text>
    )
  }
  if (query.isError || !query.data) {
    return (
      <Alert variant="error" dismissible={false}>
        Could not load the routing rules: {errorMessage(query.error)}
      </Alert>
    )
  }
  return (
    <RoutingRulesForm
      key={JSON.stringify(query.data.routing.rules)}
      salesChannelId={salesChannelId}
      initial={toInput(query.data.routing.rules)}
      tiers={query.data.routing.tiers}
    />
  )
}

const Toggle = ({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) => (
  <div className="flex items-start justify-between gap-x-4">
    <div>
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      {hint && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
    <div className="shrink-0 pt-0.5">
      <Switch id={id} checked={checked} onCheckedChange={onChange} />
    </div>
  </div>
)

const RoutingRulesForm = ({ salesChannelId, initial, tiers }: { salesChannelId: string; initial: RoutingRulesInput; tiers: string[] }) => {
  const update = useUpdateRoutingRules(salesChannelId)
  const [form, setForm] = useState<RoutingRulesInput>(initial)
  const set = <K extends keyof RoutingRulesInput>(key: K, value: RoutingRulesInput[K]) => setForm((f) => ({ ...f, [key]: value }))

  const languageErrors = form.language_teams.map((l) =>
    !LANGUAGE.test(l.language.trim()) ? "A language code like de or pt-BR" : !l.team.trim() ? "A team name" : null
  )
  const labelError = form.storefront_label && !LABEL.test(form.storefront_label) ? "Lower-case letters, digits, - and _" : null
  const invalid = languageErrors.some(Boolean) || !!labelError

  const save = () => {
    if (invalid) {
      toast.error("Please fix the highlighted routing fields")
      return
    }
    update.mutate(
      {
        ...form,
        storefront_team: form.storefront_team?.trim() || null,
        storefront_label: form.storefront_label?.trim() || null,
        language_teams: form.language_teams.map((l) => ({ language: l.language.trim(), team: l.team.trim() })),
      },
      {
        onSuccess: () => toast.success("Routing rules saved"),
        onError: (error) => toast.error("Could not save the routing rules", { description: errorMessage(error) }),
      }
    )
  }

  return (
    <section
      className="flex flex-col gap-y-4"
      data-testid="chatwoot-routing-rules"
      // Enter in a routing field must not submit the surrounding widget-settings form
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") e.preventDefault()
      }}
    >
      <div>
        <Heading level="h3">Conversation routing</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Applied in Chatwoot to every new conversation of this storefront, and again when the customer&apos;s tier
          changes. Outside business hours the inbox shows the out-of-office message above.
        </Text>
      </div>
      {update.isError && (
        <Alert variant="error" dismissible={false}>
          {errorMessage(update.error)}
        </Alert>
      )}
      <Toggle id="chatwoot-routing-enabled" label="Route new conversations" checked={form.enabled} onChange={(v) => set("enabled", v)} />

      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {tiers.map((tier) => (
          <Field key={tier} id={`chatwoot-routing-priority-${tier}`} label={`Priority for ${tier}`}>
            <Select
              value={form.priority_by_tier[tier] ?? "none"}
              onValueChange={(v) => {
                const next = { ...form.priority_by_tier }
                if (v === "none") delete next[tier]
                else next[tier] = v as RoutingPriority
                set("priority_by_tier", next)
              }}
            >
              <Select.Trigger id={`chatwoot-routing-priority-${tier}`}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {PRIORITIES.map((p) => (
                  <Select.Item key={p.value} value={p.value}>
                    {p.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
        ))}
      </div>

      <Field id="chatwoot-routing-team" label="Storefront team" optional hint="Found or created in Chatwoot by name">
        <Input
          id="chatwoot-routing-team"
          value={form.storefront_team ?? ""}
          placeholder="e.g. Webshop desk"
          onChange={(e) => set("storefront_team", e.target.value)}
        />
      </Field>
      {!!form.storefront_team?.trim() && (
        <div className="flex flex-col gap-y-2">
          <Text size="small" weight="plus">
            Only for these tiers (none ticked: everyone)
          </Text>
          <div className="flex flex-wrap gap-4">
            {tiers.map((tier) => (
              <div key={tier} className="flex items-center gap-x-2">
                <Checkbox
                  id={`chatwoot-routing-team-tier-${tier}`}
                  checked={form.storefront_team_tiers.includes(tier)}
                  onCheckedChange={(v) =>
                    set(
                      "storefront_team_tiers",
                      v === true ? [...form.storefront_team_tiers, tier] : form.storefront_team_tiers.filter((t) => t !== tier)
                    )
                  }
                />
                <Label htmlFor={`chatwoot-routing-team-tier-${tier}`} size="small">
                  {tier}
                </Label>
              </div>
            ))}
          </div>
        </div>
      )}

      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">
          Teams by conversation language
        </Text>
        {form.language_teams.map((row, i) => (
          <div key={i} className="grid grid-cols-[1fr_2fr_auto] items-start gap-2">
            <Field id={`chatwoot-routing-lang-${i}`} label="Language" error={languageErrors[i]?.startsWith("A language") ? languageErrors[i] : null}>
              <Input
                id={`chatwoot-routing-lang-${i}`}
                value={row.language}
                placeholder="de"
                onChange={(e) => set("language_teams", form.language_teams.map((r, j) => (j === i ? { ...r, language: e.target.value } : r)))}
              />
            </Field>
            <Field id={`chatwoot-routing-lang-team-${i}`} label="Team" error={languageErrors[i]?.startsWith("A team") ? languageErrors[i] : null}>
              <Input
                id={`chatwoot-routing-lang-team-${i}`}
                value={row.team}
                placeholder="DACH desk"
                onChange={(e) => set("language_teams", form.language_teams.map((r, j) => (j === i ? { ...r, team: e.target.value } : r)))}
              />
            </Field>
            <Button
              size="small"
              variant="transparent"
              type="button"
              className="mt-6"
              onClick={() => set("language_teams", form.language_teams.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          </div>
        ))}
        <div>
          <Button size="small" variant="secondary" type="button" onClick={() => set("language_teams", [...form.language_teams, { language: "", team: "" }])}>
            Add language
          </Button>
        </div>
      </div>

      <Toggle id="chatwoot-routing-label-storefront" label="Label with the storefront" checked={form.label_storefront} onChange={(v) => set("label_storefront", v)} />
      {form.label_storefront && (
        <Field id="chatwoot-routing-storefront-label" label="Storefront label" optional hint="Empty: the sales channel's name" error={labelError}>
          <Input
            id="chatwoot-routing-storefront-label"
            value={form.storefront_label ?? ""}
            placeholder="webshop"
            onChange={(e) => set("storefront_label", e.target.value || null)}
          />
        </Field>
      )}
      <Toggle id="chatwoot-routing-label-tier" label="Label with the customer's tier" checked={form.label_tier} onChange={(v) => set("label_tier", v)} />
      <Toggle
        id="chatwoot-routing-label-open-order"
        label="Label has-open-order"
        hint="When the customer has an order that is not completed or canceled"
        checked={form.label_open_order}
        onChange={(v) => set("label_open_order", v)}
      />
      <Toggle
        id="chatwoot-routing-label-after-hours"
        label="Label after-hours"
        hint="When the conversation starts outside the business hours"
        checked={form.label_after_hours}
        onChange={(v) => set("label_after_hours", v)}
      />
      <div>
        <Button size="small" type="button" onClick={save} isLoading={update.isPending} disabled={update.isPending}>
          Save routing
        </Button>
      </div>
    </section>
  )
}

import { Button, Checkbox, Input, Label, Text, toast } from "@medusajs/ui"
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
import { DrawerForm, DrawerQuery, FormDrawer } from "./form-drawer"
import { SelectField, type SelectOption } from "./select-field"
import { SwitchRow } from "./switch-row"

const PRIORITIES: SelectOption<RoutingPriority | "none">[] = [
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

type RoutingRulesDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  salesChannelId: string
  salesChannelName: string
}

/**
 * Routing rules of one storefront (priority by tier, teams by storefront and
 * language, labels), applied by the plugin to each new conversation in
 * Chatwoot. Its own drawer and form: saving is a separate call that may create teams.
 */
export const RoutingRulesDrawer = ({ open, onOpenChange, salesChannelId, salesChannelName }: RoutingRulesDrawerProps) => (
  <FormDrawer
    open={open}
    onOpenChange={onOpenChange}
    title={`Conversation routing · ${salesChannelName}`}
    testId="chatwoot-routing-rules"
  >
    {open && <RoutingRulesLoader salesChannelId={salesChannelId} onDone={() => onOpenChange(false)} />}
  </FormDrawer>
)

const RoutingRulesLoader = ({ salesChannelId, onDone }: { salesChannelId: string; onDone: () => void }) => {
  const query = useRoutingRules(salesChannelId)
  return (
    <DrawerQuery query={query} what="routing rules">
      {(data) => (
        <RoutingRulesForm
          salesChannelId={salesChannelId}
          initial={toInput(data.routing.rules)}
          tiers={data.routing.tiers}
          onDone={onDone}
        />
      )}
    </DrawerQuery>
  )
}

type RoutingRulesFormProps = { salesChannelId: string; initial: RoutingRulesInput; tiers: string[]; onDone: () => void }

const RoutingRulesForm = ({ salesChannelId, initial, tiers, onDone }: RoutingRulesFormProps) => {
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
        onSuccess: () => {
          toast.success("Routing rules saved")
          onDone()
        },
        onError: (error) => toast.error("Could not save the routing rules", { description: errorMessage(error) }),
      }
    )
  }

  const setPriority = (tier: string, value: RoutingPriority | "none") => {
    const next = { ...form.priority_by_tier }
    if (value === "none") delete next[tier]
    else next[tier] = value
    set("priority_by_tier", next)
  }

  return (
    <DrawerForm
      onSubmit={save}
      pending={update.isPending}
      submitLabel="Save routing"
      error={update.error}
      intro={
        <Text size="small" className="text-ui-fg-subtle">
          Applied in Chatwoot to every new conversation of this storefront, and again when the customer&apos;s tier
          changes. Outside business hours the inbox shows the out-of-office message of the chat settings.
        </Text>
      }
    >
      <SwitchRow id="chatwoot-routing-enabled" label="Route new conversations" checked={form.enabled} onChange={(v) => set("enabled", v)} />

      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {tiers.map((tier) => (
          <SelectField
            key={tier}
            id={`chatwoot-routing-priority-${tier}`}
            label={`Priority for ${tier}`}
            value={form.priority_by_tier[tier] ?? "none"}
            onChange={(v) => setPriority(tier, v)}
            options={PRIORITIES}
          />
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
        <TeamTiers tiers={tiers} value={form.storefront_team_tiers} onChange={(v) => set("storefront_team_tiers", v)} />
      )}

      <LanguageTeams value={form.language_teams} errors={languageErrors} onChange={(v) => set("language_teams", v)} />

      <SwitchRow id="chatwoot-routing-label-storefront" label="Label with the storefront" checked={form.label_storefront} onChange={(v) => set("label_storefront", v)} />
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
      <SwitchRow id="chatwoot-routing-label-tier" label="Label with the customer's tier" checked={form.label_tier} onChange={(v) => set("label_tier", v)} />
      <SwitchRow
        id="chatwoot-routing-label-open-order"
        label="Label has-open-order"
        hint="When the customer has an order that is not completed or canceled"
        checked={form.label_open_order}
        onChange={(v) => set("label_open_order", v)}
      />
      <SwitchRow
        id="chatwoot-routing-label-after-hours"
        label="Label after-hours"
        hint="When the conversation starts outside the business hours"
        checked={form.label_after_hours}
        onChange={(v) => set("label_after_hours", v)}
      />
    </DrawerForm>
  )
}

/** Which tiers get the storefront team (none ticked: everyone). */
const TeamTiers = ({ tiers, value, onChange }: { tiers: string[]; value: string[]; onChange: (tiers: string[]) => void }) => (
  <div className="flex flex-col gap-y-2">
    <Text size="small" weight="plus">
      Only for these tiers (none ticked: everyone)
    </Text>
    <div className="flex flex-wrap gap-4">
      {tiers.map((tier) => (
        <div key={tier} className="flex items-center gap-x-2">
          <Checkbox
            id={`chatwoot-routing-team-tier-${tier}`}
            checked={value.includes(tier)}
            onCheckedChange={(v) => onChange(v === true ? [...value, tier] : value.filter((t) => t !== tier))}
          />
          <Label htmlFor={`chatwoot-routing-team-tier-${tier}`} size="small">
            {tier}
          </Label>
        </div>
      ))}
    </div>
  </div>
)

type LanguageTeam = RoutingRulesInput["language_teams"][number]

/** Teams by conversation language: one row per language, each with its team's name. */
const LanguageTeams = ({
  value,
  errors,
  onChange,
}: {
  value: LanguageTeam[]
  errors: (string | null)[]
  onChange: (rows: LanguageTeam[]) => void
}) => {
  const setRow = (i: number, patch: Partial<LanguageTeam>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <div className="flex flex-col gap-y-2">
      <Text size="small" weight="plus">
        Teams by conversation language
      </Text>
      {value.map((row, i) => (
        <div key={i} className="grid grid-cols-[1fr_2fr_auto] items-start gap-2">
          <Field id={`chatwoot-routing-lang-${i}`} label="Language" error={errors[i]?.startsWith("A language") ? errors[i] : null}>
            <Input
              id={`chatwoot-routing-lang-${i}`}
              value={row.language}
              placeholder="de"
              onChange={(e) => setRow(i, { language: e.target.value })}
            />
          </Field>
          <Field id={`chatwoot-routing-lang-team-${i}`} label="Team" error={errors[i]?.startsWith("A team") ? errors[i] : null}>
            <Input
              id={`chatwoot-routing-lang-team-${i}`}
              value={row.team}
              placeholder="DACH desk"
              onChange={(e) => setRow(i, { team: e.target.value })}
            />
          </Field>
          <Button size="small" variant="transparent" type="button" className="mt-6" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <div>
        <Button size="small" variant="secondary" type="button" onClick={() => onChange([...value, { language: "", team: "" }])}>
          Add language
        </Button>
      </div>
    </div>
  )
}

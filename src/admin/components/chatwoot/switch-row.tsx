import { Label, Switch, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SwitchRowProps = {
  id: string
  label: ReactNode
  hint?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  testId?: string
}

/** A setting that is on or off: label and hint on the left, the switch on the right. */
export const SwitchRow = ({ id, label, hint, checked, onChange, testId }: SwitchRowProps) => (
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
      <Switch id={id} data-testid={testId} checked={checked} onCheckedChange={onChange} />
    </div>
  </div>
)

type InlineSwitchProps = { id: string; label: ReactNode; checked: boolean; onChange: (checked: boolean) => void }

/** A switch with its label beside it, for an option inside a section. */
export const InlineSwitch = ({ id, label, checked, onChange }: InlineSwitchProps) => (
  <div className="flex items-center gap-x-2">
    <Switch id={id} checked={checked} onCheckedChange={onChange} />
    <Label htmlFor={id} size="small">
      {label}
    </Label>
  </div>
)

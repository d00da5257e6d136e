import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

type FieldProps = {
  id: string
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string | null
  children: ReactNode
}

/** A labelled form control with an optional hint and an inline error. */
export const Field = ({ id, label, optional, hint, error, children }: FieldProps) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : hint ? <Hint>{hint}</Hint> : null}
  </div>
)

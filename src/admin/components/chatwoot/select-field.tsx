import { Select } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Field } from "./field"

export type SelectOption<T extends string> = { value: T; label: ReactNode }

type SelectInputProps<T extends string> = {
  value: T
  onChange: (value: T) => void
  options: readonly SelectOption<T>[]
  /** id of the trigger, for a `Field`'s label */
  id?: string
  placeholder?: string
  size?: "base" | "small"
  disabled?: boolean
  /** classes of the trigger, e.g. its width */
  className?: string
  "aria-label"?: string
  testId?: string
}

/** A `Select` over a list of options (a filter, or the control of a `SelectField`). */
export const SelectInput = <T extends string>({
  value,
  onChange,
  options,
  id,
  placeholder,
  size,
  disabled,
  className,
  "aria-label": ariaLabel,
  testId,
}: SelectInputProps<T>) => (
  <Select value={value} onValueChange={(v) => onChange(v as T)} size={size} disabled={disabled}>
    <Select.Trigger id={id} className={className} aria-label={ariaLabel} data-testid={testId}>
      <Select.Value placeholder={placeholder} />
    </Select.Trigger>
    <Select.Content>
      {options.map((option) => (
        <Select.Item key={option.value} value={option.value}>
          {option.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

type SelectFieldProps<T extends string> = {
  id: string
  label: string
  value: T
  onChange: (value: T) => void
  options: readonly SelectOption<T>[]
  placeholder?: string
  optional?: boolean
  hint?: ReactNode
  error?: string | null
}

/** A labelled `Select` over a list of options. */
export const SelectField = <T extends string>({ id, label, optional, hint, error, ...input }: SelectFieldProps<T>) => (
  <Field id={id} label={label} optional={optional} hint={hint} error={error}>
    <SelectInput id={id} {...input} />
  </Field>
)

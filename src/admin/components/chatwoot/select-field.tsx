import { Select } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Field } from "./field"

export type SelectOption<T extends string> = { value: T; label: ReactNode }

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

/** A labelled `Select` over a fixed list of options. */
export const SelectField = <T extends string>({
  id,
  label,
  value,
  onChange,
  options,
  placeholder,
  optional,
  hint,
  error,
}: SelectFieldProps<T>) => (
  <Field id={id} label={label} optional={optional} hint={hint} error={error}>
    <Select value={value} onValueChange={(v) => onChange(v as T)}>
      <Select.Trigger id={id}>
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
  </Field>
)

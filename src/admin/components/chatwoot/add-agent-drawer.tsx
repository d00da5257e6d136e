import { Checkbox, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useAddChatwootAgents } from "../../hooks/use-agents"
import { errorMessage, storefrontNames } from "../../lib/format"
import type { AdminChatwootAccount, ChatwootAgentRole } from "../../lib/types"
import { isEmail } from "../../lib/validation"
import { Field } from "./field"
import { DrawerForm, FormDrawer } from "./form-drawer"
import { SelectField, type SelectOption } from "./select-field"

type AddAgentDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  accounts: AdminChatwootAccount[]
  /** Accounts ticked when the drawer opens. */
  initialAccountIds?: string[]
}

/** Adds one person as agent or administrator to one or more Chatwoot accounts. */
export const AddAgentDrawer = ({ open, onOpenChange, accounts, initialAccountIds = [] }: AddAgentDrawerProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} title="Add agent">
    <AddAgentForm accounts={accounts} initialAccountIds={initialAccountIds} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const ROLES: SelectOption<ChatwootAgentRole>[] = [
  { value: "agent", label: "Agent" },
  { value: "administrator", label: "Administrator" },
]

const AddAgentForm = ({
  accounts,
  initialAccountIds,
  onDone,
}: {
  accounts: AdminChatwootAccount[]
  initialAccountIds: string[]
  onDone: () => void
}) => {
  const add = useAddChatwootAgents()
  const selectable = accounts.filter((a) => a.status === "active")
  const [name, setName] = useState("")
  const [email, setEmail] = useState("")
  const [role, setRole] = useState<ChatwootAgentRole>("agent")
  const [accountIds, setAccountIds] = useState<string[]>(() =>
    initialAccountIds.filter((id) => selectable.some((a) => a.id === id))
  )
  const [submitted, setSubmitted] = useState(false)

  const errors = {
    name: !name.trim() ? "Enter the agent's name" : null,
    email: !isEmail(email.trim()) ? "Enter a valid e-mail address" : null,
    accounts: accountIds.length === 0 ? "Choose at least one account" : null,
  }
  const toggle = (id: string, checked: boolean) =>
    setAccountIds((ids) => (checked ? [...new Set([...ids, id])] : ids.filter((x) => x !== id)))

  const onSubmit = () => {
    setSubmitted(true)
    if (Object.values(errors).some(Boolean)) {
      return
    }
    add.mutate(
      { account_ids: accountIds, name: name.trim(), email: email.trim(), role },
      {
        onSuccess: () => {
          toast.success(
            `${name.trim()} was added to ${accountIds.length === 1 ? "1 account" : `${accountIds.length} accounts`}`,
            { description: "Chatwoot sends them an e-mail to set their password." }
          )
          onDone()
        },
        onError: (error) => toast.error("Could not add the agent", { description: errorMessage(error) }),
      }
    )
  }

  return (
    <DrawerForm
      onSubmit={onSubmit}
      pending={add.isPending}
      submitLabel="Add agent"
      submitDisabled={selectable.length === 0}
      error={add.error}
    >
      <Field id="chatwoot-agent-name" label="Name" error={submitted ? errors.name : null}>
        <Input id="chatwoot-agent-name" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id="chatwoot-agent-email" label="E-mail" error={submitted ? errors.email : null}>
        <Input
          id="chatwoot-agent-email"
          type="email"
          value={email}
          placeholder="agent@example.com"
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <SelectField
        id="chatwoot-agent-role"
        label="Role"
        hint="Administrators can also change the account's inboxes, teams and settings in Chatwoot."
        value={role}
        onChange={setRole}
        options={ROLES}
      />
      <fieldset className="flex flex-col gap-y-2">
        <legend className="mb-2">
          <Label size="small" weight="plus">
            Accounts
          </Label>
        </legend>
        {accounts.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            No Chatwoot account is set up yet.
          </Text>
        )}
        <div className="flex flex-col divide-y rounded-lg border">
          {accounts.map((account) => {
            const id = `chatwoot-agent-account-${account.id}`
            const disabled = account.status !== "active"
            return (
              <div key={account.id} className="flex items-center gap-x-3 px-3 py-2">
                <Checkbox
                  id={id}
                  disabled={disabled}
                  checked={accountIds.includes(account.id)}
                  onCheckedChange={(checked) => toggle(account.id, checked === true)}
                />
                <Label htmlFor={id} size="small" className={disabled ? "text-ui-fg-disabled" : undefined}>
                  {account.name}
                  <span className="text-ui-fg-muted">
                    {" "}
                    · {storefrontNames(account) || "no storefront"}
                    {disabled ? ` · ${account.status}` : ""}
                  </span>
                </Label>
              </div>
            )
          })}
        </div>
        {submitted && errors.accounts && (
          <Text size="small" className="text-ui-fg-error">
            {errors.accounts}
          </Text>
        )}
      </fieldset>
    </DrawerForm>
  )
}

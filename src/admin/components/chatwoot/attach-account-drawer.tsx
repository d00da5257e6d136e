import { Alert, Button, Drawer, Select, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useCreateChatwootAccount } from "../../hooks/use-account-mutations"
import { errorMessage, STATUS_LABEL, storefrontNames } from "../../lib/format"
import type { AdminChatwootAccount } from "../../lib/types"
import { Field } from "./field"

type AttachAccountDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  salesChannelId: string
  salesChannelName: string
  accounts: AdminChatwootAccount[]
}

/** Lets a sales channel share an account the plugin already manages (one website inbox per channel). */
export const AttachAccountDrawer = ({ open, onOpenChange, ...props }: AttachAccountDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content aria-describedby={undefined}>
      <Drawer.Header>
        <Drawer.Title>Attach to an existing account</Drawer.Title>
      </Drawer.Header>
      <AttachAccountForm {...props} onDone={() => onOpenChange(false)} />
    </Drawer.Content>
  </Drawer>
)

const AttachAccountForm = ({
  salesChannelId,
  salesChannelName,
  accounts,
  onDone,
}: Omit<AttachAccountDrawerProps, "open" | "onOpenChange"> & { onDone: () => void }) => {
  const create = useCreateChatwootAccount()
  const candidates = accounts.filter((a) => a.status !== "suspended")
  const [accountId, setAccountId] = useState(candidates.length === 1 ? candidates[0].id : "")
  const [submitted, setSubmitted] = useState(false)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (!accountId) {
      return
    }
    create.mutate(
      { mode: "attach", sales_channel_id: salesChannelId, account_id: accountId },
      {
        onSuccess: ({ account }) => {
          toast.success(`${salesChannelName} now uses ${account.name}`)
          onDone()
        },
        onError: (error) => {
          toast.error("Could not attach the storefront", { description: errorMessage(error) })
        },
      }
    )
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        <Text size="small" className="text-ui-fg-subtle">
          {salesChannelName} gets its own website inbox in the chosen account; contacts, agents and the e-mail inbox
          are shared with the account&apos;s other storefronts.
        </Text>
        {create.isError && (
          <Alert variant="error" dismissible={false}>
            {errorMessage(create.error)}
          </Alert>
        )}
        {candidates.length === 0 ? (
          <Alert variant="info" dismissible={false}>
            There is no account to attach to yet. Set up or link an account for another storefront first.
          </Alert>
        ) : (
          <Field
            id="chatwoot-attach-account"
            label="Account"
            error={submitted && !accountId ? "Choose an account" : null}
          >
            <Select value={accountId} onValueChange={setAccountId}>
              <Select.Trigger id="chatwoot-attach-account">
                <Select.Value placeholder="Choose an account" />
              </Select.Trigger>
              <Select.Content>
                {candidates.map((account) => (
                  <Select.Item key={account.id} value={account.id}>
                    {account.name}
                    {account.chatwoot_account_id ? ` (#${account.chatwoot_account_id})` : ""} ·{" "}
                    {storefrontNames(account) || "no storefront"} · {STATUS_LABEL[account.status]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" disabled={create.isPending}>
            Cancel
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          isLoading={create.isPending}
          disabled={create.isPending || candidates.length === 0}
        >
          Attach
        </Button>
      </Drawer.Footer>
    </form>
  )
}

import { Alert, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useCreateChatwootAccount } from "../../hooks/use-account-mutations"
import { errorMessage, STATUS_LABEL, storefrontNames } from "../../lib/format"
import type { AdminChatwootAccount } from "../../lib/types"
import { DrawerForm, FormDrawer } from "./form-drawer"
import { SelectField } from "./select-field"

type AttachAccountDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  salesChannelId: string
  salesChannelName: string
  accounts: AdminChatwootAccount[]
}

/** Lets a sales channel share an account the plugin already manages (one website inbox per channel). */
export const AttachAccountDrawer = ({ open, onOpenChange, ...props }: AttachAccountDrawerProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} title="Attach to an existing account">
    <AttachAccountForm {...props} onDone={() => onOpenChange(false)} />
  </FormDrawer>
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

  const onSubmit = () => {
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
    <DrawerForm
      onSubmit={onSubmit}
      pending={create.isPending}
      submitLabel="Attach"
      submitDisabled={candidates.length === 0}
      error={create.error}
      intro={
        <Text size="small" className="text-ui-fg-subtle">
          {salesChannelName} gets its own website inbox in the chosen account; contacts, agents and the e-mail inbox
          are shared with the account&apos;s other storefronts.
        </Text>
      }
    >
      {candidates.length === 0 ? (
        <Alert variant="info" dismissible={false}>
          There is no account to attach to yet. Set up or link an account for another storefront first.
        </Alert>
      ) : (
        <SelectField
          id="chatwoot-attach-account"
          label="Account"
          value={accountId}
          onChange={setAccountId}
          placeholder="Choose an account"
          error={submitted && !accountId ? "Choose an account" : null}
          options={candidates.map((account) => ({
            value: account.id,
            label: (
              <>
                {account.name}
                {account.chatwoot_account_id ? ` (#${account.chatwoot_account_id})` : ""} ·{" "}
                {storefrontNames(account) || "no storefront"} · {STATUS_LABEL[account.status]}
              </>
            ),
          }))}
        />
      )}
    </DrawerForm>
  )
}

import { Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useCreateChatwootAccount } from "../../hooks/use-account-mutations"
import { errorMessage } from "../../lib/format"
import { Field } from "./field"
import { DrawerForm, FormDrawer } from "./form-drawer"

type LinkAccountDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  salesChannelId: string
  salesChannelName: string
}

/** Links an existing Chatwoot account (e.g. Chatwoot Cloud) with an administrator's access token. */
export const LinkAccountDrawer = ({ open, onOpenChange, salesChannelId, salesChannelName }: LinkAccountDrawerProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} title="Link an existing Chatwoot account">
    <LinkAccountForm salesChannelId={salesChannelId} salesChannelName={salesChannelName} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

const LinkAccountForm = ({
  salesChannelId,
  salesChannelName,
  onDone,
}: {
  salesChannelId: string
  salesChannelName: string
  onDone: () => void
}) => {
  const create = useCreateChatwootAccount()
  const [accountId, setAccountId] = useState("")
  const [token, setToken] = useState("")
  const [submitted, setSubmitted] = useState(false)

  const accountIdNumber = Number(accountId)
  const accountIdError =
    !accountId.trim()
      ? "Enter the account id"
      : !Number.isInteger(accountIdNumber) || accountIdNumber <= 0
        ? "The account id is a positive whole number"
        : null
  const tokenError = !token.trim() ? "Enter the access token" : token.trim().length < 8 ? "This token looks too short" : null

  const onSubmit = () => {
    setSubmitted(true)
    if (accountIdError || tokenError) {
      return
    }
    create.mutate(
      {
        mode: "link",
        sales_channel_id: salesChannelId,
        chatwoot_account_id: accountIdNumber,
        api_access_token: token.trim(),
      },
      {
        onSuccess: ({ account }) => {
          toast.success(`${salesChannelName} is linked to Chatwoot account #${account.chatwoot_account_id ?? accountIdNumber}`)
          onDone()
        },
        onError: (error) => {
          toast.error("Could not link the Chatwoot account", { description: errorMessage(error) })
        },
      }
    )
  }

  return (
    <DrawerForm
      onSubmit={onSubmit}
      pending={create.isPending}
      submitLabel="Link account"
      error={create.error}
      errorTestId="chatwoot-link-error"
      intro={
        <Text size="small" className="text-ui-fg-subtle">
          Use this for Chatwoot Cloud or an installation without a Platform App token. {salesChannelName} will use
          this account; the plugin adds its inboxes, webhook and dashboard app to it, and never deletes the account
          in Chatwoot.
        </Text>
      }
    >
      <Field
        id="chatwoot-link-account-id"
        label="Chatwoot account id"
        hint="The number in your Chatwoot URL: …/app/accounts/<id>/dashboard"
        error={submitted ? accountIdError : null}
      >
        <Input
          id="chatwoot-link-account-id"
          inputMode="numeric"
          autoComplete="off"
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
          placeholder="e.g. 42"
        />
      </Field>
      <Field
        id="chatwoot-link-token"
        label="Administrator access token"
        hint="Profile settings → Access token, of a user who is an administrator of this account. Stored encrypted, never shown again."
        error={submitted ? tokenError : null}
      >
        <Input
          id="chatwoot-link-token"
          type="password"
          autoComplete="new-password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </Field>
    </DrawerForm>
  )
}

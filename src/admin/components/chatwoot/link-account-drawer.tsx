import { Alert, Button, Drawer, Input, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useCreateChatwootAccount } from "../../hooks/use-account-mutations"
import { errorMessage } from "../../lib/format"
import { Field } from "./field"

type LinkAccountDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  salesChannelId: string
  salesChannelName: string
}

/** Links an existing Chatwoot account (e.g. Chatwoot Cloud) with an administrator's access token. */
export const LinkAccountDrawer = ({ open, onOpenChange, salesChannelId, salesChannelName }: LinkAccountDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content aria-describedby={undefined}>
      <Drawer.Header>
        <Drawer.Title>Link an existing Chatwoot account</Drawer.Title>
      </Drawer.Header>
      <LinkAccountForm
        salesChannelId={salesChannelId}
        salesChannelName={salesChannelName}
        onDone={() => onOpenChange(false)}
      />
    </Drawer.Content>
  </Drawer>
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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
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
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        <Text size="small" className="text-ui-fg-subtle">
          Use this for Chatwoot Cloud or an installation without a Platform App token. {salesChannelName} will use
          this account; the plugin adds its inboxes, webhook and dashboard app to it, and never deletes the account
          in Chatwoot.
        </Text>
        {create.isError && (
          <Alert variant="error" dismissible={false} data-testid="chatwoot-link-error">
            {errorMessage(create.error)}
          </Alert>
        )}
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
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" disabled={create.isPending}>
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={create.isPending} disabled={create.isPending}>
          Link account
        </Button>
      </Drawer.Footer>
    </form>
  )
}

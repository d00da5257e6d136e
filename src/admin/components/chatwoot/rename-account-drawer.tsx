import { Alert, Button, Drawer, Input, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useUpdateChatwootAccount } from "../../hooks/use-account-mutations"
import { errorMessage } from "../../lib/format"
import type { AdminChatwootAccount, AdminUpdateChatwootAccount } from "../../lib/types"
import { isChatwootLocale } from "../../lib/validation"
import { Field } from "./field"

type RenameAccountDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  account: AdminChatwootAccount
}

/** Renames an account or changes its locale; empty fields follow the store again. */
export const RenameAccountDrawer = ({ open, onOpenChange, account }: RenameAccountDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content aria-describedby={undefined}>
      <Drawer.Header>
        <Drawer.Title>Rename account</Drawer.Title>
      </Drawer.Header>
      <RenameAccountForm account={account} onDone={() => onOpenChange(false)} />
    </Drawer.Content>
  </Drawer>
)

const RenameAccountForm = ({ account, onDone }: { account: AdminChatwootAccount; onDone: () => void }) => {
  const update = useUpdateChatwootAccount(account.id)
  const [name, setName] = useState(account.custom_name ?? "")
  const [locale, setLocale] = useState(account.custom_locale ?? "")

  const nameError = name.trim().length > 100 ? "At most 100 characters" : null
  const localeError = locale.trim() && !isChatwootLocale(locale.trim()) ? "A Chatwoot locale like en, de or pt_BR" : null

  const body: AdminUpdateChatwootAccount = {}
  const nextName = name.trim() || null
  const nextLocale = locale.trim() || null
  if (nextName !== (account.custom_name ?? null)) body.name = nextName
  if (nextLocale !== (account.custom_locale ?? null)) body.locale = nextLocale
  const changed = Object.keys(body).length > 0

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (nameError || localeError || !changed) {
      return
    }
    update.mutate(body, {
      onSuccess: ({ account: updated }) => {
        toast.success(`Saved: ${updated.name}`)
        onDone()
      },
      onError: (error) => toast.error("Could not update the account", { description: errorMessage(error) }),
    })
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        <Text size="small" className="text-ui-fg-subtle">
          The name and language of the Chatwoot account. Leave a field empty to follow the store again: the name is
          then derived from the store and storefront names, the language from the store&apos;s default locale.
        </Text>
        {update.isError && (
          <Alert variant="error" dismissible={false}>
            {errorMessage(update.error)}
          </Alert>
        )}
        <Field
          id="chatwoot-account-name"
          label="Name"
          optional
          hint={`Currently “${account.name}”${account.custom_name ? "" : " (automatic)"}`}
          error={nameError}
        >
          <Input
            id="chatwoot-account-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={account.custom_name ? "" : account.name}
          />
        </Field>
        <Field
          id="chatwoot-account-locale"
          label="Locale"
          optional
          hint={`Currently ${account.locale ?? "the store's default"}${account.custom_locale ? "" : " (from the store)"}`}
          error={localeError}
        >
          <Input
            id="chatwoot-account-locale"
            value={locale}
            onChange={(e) => setLocale(e.target.value)}
            placeholder={account.custom_locale ? "" : account.locale ?? "en"}
          />
        </Field>
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" disabled={update.isPending}>
            Cancel
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          isLoading={update.isPending}
          disabled={update.isPending || !changed || !!nameError || !!localeError}
        >
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

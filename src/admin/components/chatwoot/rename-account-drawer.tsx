import { Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useUpdateChatwootAccount } from "../../hooks/use-account-mutations"
import { errorMessage } from "../../lib/format"
import type { AdminChatwootAccount, AdminUpdateChatwootAccount } from "../../lib/types"
import { isChatwootLocale } from "../../lib/validation"
import { Field } from "./field"
import { DrawerForm, FormDrawer } from "./form-drawer"

type RenameAccountDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  account: AdminChatwootAccount
}

/** Renames an account or changes its locale; empty fields follow the store again. */
export const RenameAccountDrawer = ({ open, onOpenChange, account }: RenameAccountDrawerProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} title="Rename account">
    <RenameAccountForm account={account} onDone={() => onOpenChange(false)} />
  </FormDrawer>
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

  const onSubmit = () => {
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
    <DrawerForm
      onSubmit={onSubmit}
      pending={update.isPending}
      submitLabel="Save"
      submitDisabled={!changed || !!nameError || !!localeError}
      error={update.error}
      intro={
        <Text size="small" className="text-ui-fg-subtle">
          The name and language of the Chatwoot account. Leave a field empty to follow the store again: the name is
          then derived from the store and storefront names, the language from the store&apos;s default locale.
        </Text>
      }
    >
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
    </DrawerForm>
  )
}

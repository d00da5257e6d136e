import {
  ArrowPath,
  ArrowUpRightOnBox,
  CogSixTooth,
  Directions,
  EllipsisHorizontal,
  Envelope,
  Link,
  PauseSolid,
  PencilSquare,
  PlaySolid,
  SquaresPlus,
  Trash,
} from "@medusajs/icons"
import { DropdownMenu, IconButton, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import {
  useChatwootAccountAction,
  useDeleteChatwootAccount,
  useOpenInChatwoot,
} from "../../hooks/use-account-mutations"
import { errorMessage, storefrontNames } from "../../lib/format"
import type { AccountAction, AdminChatwootAccount } from "../../lib/types"
import { AttachAccountDrawer } from "./attach-account-drawer"
import { EmailInboxDrawer } from "./email-inbox-drawer"
import { LinkAccountDrawer } from "./link-account-drawer"
import { RenameAccountDrawer } from "./rename-account-drawer"
import { RoutingRulesDrawer } from "./routing-rules-drawer"
import { SetUpButton } from "./set-up-button"
import { StorefrontSettingsDrawer } from "./storefront-settings-drawer"

type SalesChannelRef = { id: string; name: string }

type Panel = "link" | "attach" | "settings" | "routing" | "rename" | "email" | null

/** Actions of a storefront that has no Chatwoot account yet: set up, link or attach. */
export const NotConnectedActions = ({
  salesChannel,
  accounts,
}: {
  salesChannel: SalesChannelRef
  accounts: AdminChatwootAccount[]
}) => {
  const [panel, setPanel] = useState<Panel>(null)
  const close = (open: boolean) => !open && setPanel(null)

  return (
    <div className="flex items-center justify-end gap-x-2">
      <SetUpButton salesChannelId={salesChannel.id} salesChannelName={salesChannel.name} />
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label={`More Chatwoot options for ${salesChannel.name}`}>
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          <DropdownMenu.Item className="gap-x-2" onSelect={() => setPanel("link")}>
            <Link className="text-ui-fg-subtle" />
            Link existing account
          </DropdownMenu.Item>
          <DropdownMenu.Item className="gap-x-2" disabled={accounts.length === 0} onSelect={() => setPanel("attach")}>
            <SquaresPlus className="text-ui-fg-subtle" />
            Attach to account…
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
      <LinkAccountDrawer
        open={panel === "link"}
        onOpenChange={close}
        salesChannelId={salesChannel.id}
        salesChannelName={salesChannel.name}
      />
      <AttachAccountDrawer
        open={panel === "attach"}
        onOpenChange={close}
        salesChannelId={salesChannel.id}
        salesChannelName={salesChannel.name}
        accounts={accounts}
      />
    </div>
  )
}

const ACTION_TEXT: Record<AccountAction, { ok: string; fail: string }> = {
  retry: { ok: "Provisioning ran again", fail: "Retrying failed" },
  suspend: { ok: "Account suspended", fail: "Could not suspend the account" },
  resume: { ok: "Account resumed", fail: "Could not resume the account" },
}

/** The menu of a storefront whose Chatwoot account exists. */
export const AccountActions = ({
  salesChannel,
  account,
}: {
  salesChannel: SalesChannelRef
  account: AdminChatwootAccount
}) => {
  const [panel, setPanel] = useState<Panel>(null)
  const close = (open: boolean) => !open && setPanel(null)
  const prompt = usePrompt()
  const action = useChatwootAccountAction(account.id)
  const remove = useDeleteChatwootAccount(account.id)
  const sso = useOpenInChatwoot(account.id)
  const busy = action.isPending || remove.isPending || sso.isPending

  const run = (name: AccountAction) =>
    action.mutate(name, {
      onSuccess: ({ account: updated }) => {
        if (name === "retry" && updated.status === "failed") {
          toast.error("Provisioning failed again", { description: updated.last_error ?? undefined })
        } else {
          toast.success(`${ACTION_TEXT[name].ok}: ${updated.name}`)
        }
      },
      onError: (error) => toast.error(ACTION_TEXT[name].fail, { description: errorMessage(error) }),
    })

  const onSuspend = async () => {
    const confirmed = await prompt({
      title: `Suspend ${account.name}?`,
      description: `The chat widget disappears from ${storefrontNames(account)} and nothing is synced to Chatwoot until you resume. Conversations and contacts stay in Chatwoot.`,
      confirmText: "Suspend",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (confirmed) run("suspend")
  }

  const onDelete = async () => {
    const where = account.chatwoot_account_id ? `Chatwoot account #${account.chatwoot_account_id}` : "The Chatwoot account"
    const served = account.storefronts.length
      ? ` The chat disappears from ${storefrontNames(account)}.`
      : ""
    const description = account.created_by_plugin
      ? `${where} was created by this plugin and will be deleted in Chatwoot too, with its inboxes, contacts and conversations.${served} This cannot be undone.`
      : `${where} was linked, not created by the plugin: it is never deleted in Chatwoot and keeps its conversations. The plugin stops using it and forgets its token.${served}`
    const confirmed = await prompt({
      title: `Delete ${account.name}?`,
      description,
      confirmText: "Delete",
      cancelText: "Cancel",
      variant: "danger",
      // deleting in Chatwoot cannot be undone: make the admin type it
      ...(account.created_by_plugin ? { verificationText: "delete" } : {}),
    })
    if (!confirmed) return
    remove.mutate(undefined, {
      onSuccess: (result) =>
        toast.success(
          result.deleted_in_chatwoot
            ? `${account.name} was deleted in Medusa and Chatwoot`
            : `${account.name} was removed from the plugin; the Chatwoot account was kept`
        ),
      onError: (error) => toast.error("Could not delete the account", { description: errorMessage(error) }),
    })
  }

  const onOpenInChatwoot = () =>
    sso.mutate(undefined, {
      onSuccess: ({ url }) => {
        const tab = window.open(url, "_blank")
        if (tab) {
          tab.opener = null
        } else {
          toast.warning("The browser blocked the new tab", {
            description: "Allow pop-ups for the admin and try again.",
          })
        }
      },
      onError: (error) => toast.error("Could not open Chatwoot", { description: errorMessage(error) }),
    })

  return (
    <div className="flex items-center justify-end">
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger asChild>
          <IconButton
            size="small"
            variant="transparent"
            aria-label={`Chatwoot actions for ${salesChannel.name}`}
            disabled={busy}
            isLoading={busy}
          >
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          <DropdownMenu.Item className="gap-x-2" onSelect={() => setPanel("settings")}>
            <CogSixTooth className="text-ui-fg-subtle" />
            Settings
          </DropdownMenu.Item>
          <DropdownMenu.Item className="gap-x-2" onSelect={() => setPanel("routing")}>
            <Directions className="text-ui-fg-subtle" />
            Routing
          </DropdownMenu.Item>
          <DropdownMenu.Item className="gap-x-2" onSelect={() => setPanel("rename")}>
            <PencilSquare className="text-ui-fg-subtle" />
            Rename
          </DropdownMenu.Item>
          <DropdownMenu.Item className="gap-x-2" onSelect={() => setPanel("email")} disabled={account.status !== "active"}>
            <Envelope className="text-ui-fg-subtle" />
            E-mail inbox
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="gap-x-2"
            onSelect={onOpenInChatwoot}
            disabled={account.status !== "active" || !account.chatwoot_account_id || account.mode === "linked"}
            title={account.mode === "linked" ? "Linked accounts: log in to Chatwoot directly" : undefined}
          >
            <ArrowUpRightOnBox className="text-ui-fg-subtle" />
            Open in Chatwoot
          </DropdownMenu.Item>
          <DropdownMenu.Separator />
          {account.status === "failed" && (
            <DropdownMenu.Item className="gap-x-2" onSelect={() => run("retry")}>
              <ArrowPath className="text-ui-fg-subtle" />
              Retry
            </DropdownMenu.Item>
          )}
          {account.status === "suspended" ? (
            <DropdownMenu.Item className="gap-x-2" onSelect={() => run("resume")}>
              <PlaySolid className="text-ui-fg-subtle" />
              Resume
            </DropdownMenu.Item>
          ) : (
            <DropdownMenu.Item className="gap-x-2" onSelect={onSuspend} disabled={account.status === "provisioning"}>
              <PauseSolid className="text-ui-fg-subtle" />
              Suspend
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Separator />
          <DropdownMenu.Item className="gap-x-2 text-ui-fg-error" onSelect={onDelete}>
            <Trash />
            Delete
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
      <StorefrontSettingsDrawer
        open={panel === "settings"}
        onOpenChange={close}
        salesChannelId={salesChannel.id}
        salesChannelName={salesChannel.name}
      />
      <RoutingRulesDrawer
        open={panel === "routing"}
        onOpenChange={close}
        salesChannelId={salesChannel.id}
        salesChannelName={salesChannel.name}
      />
      <RenameAccountDrawer open={panel === "rename"} onOpenChange={close} account={account} />
      <EmailInboxDrawer open={panel === "email"} onOpenChange={close} account={account} />
    </div>
  )
}

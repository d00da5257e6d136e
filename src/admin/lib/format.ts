import type { AdminChatwootAccount, ChatwootAccountMode, ChatwootAccountStatus } from "./types"

/** The message of an error from `sdk.client.fetch` (the server's `{ message }`) or anything else. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) {
    return error.message
  }
  if (typeof error === "string") {
    return error
  }
  return "Something went wrong"
}

export const STATUS_COLOR: Record<ChatwootAccountStatus, "green" | "orange" | "grey" | "red"> = {
  active: "green",
  provisioning: "orange",
  suspended: "grey",
  failed: "red",
}

export const STATUS_LABEL: Record<ChatwootAccountStatus, string> = {
  active: "Active",
  provisioning: "Provisioning",
  suspended: "Suspended",
  failed: "Failed",
}

export const MODE_LABEL: Record<ChatwootAccountMode, string> = {
  provisioned: "Provisioned",
  linked: "Linked",
}

/** "Webshop, Outlet" — the storefronts an account serves. */
export function storefrontNames(account: AdminChatwootAccount): string {
  return account.storefronts.map((s) => s.sales_channel?.name ?? s.sales_channel_id).join(", ")
}

/** The account serving a sales channel, if any. */
export function accountForChannel(
  accounts: AdminChatwootAccount[] | undefined,
  salesChannelId: string
): AdminChatwootAccount | undefined {
  return accounts?.find((a) => a.storefronts.some((s) => s.sales_channel_id === salesChannelId))
}

export function formatDateTime(value: string | null): string {
  if (!value) {
    return "—"
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString()
}

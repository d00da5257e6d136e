import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AccountAction,
  AdminChatwootAccountDeleteResponse,
  AdminChatwootAccountResponse,
  AdminChatwootSsoResponse,
  AdminCreateChatwootAccount,
  AdminCreateChatwootEmailInbox,
  AdminUpdateChatwootAccount,
} from "../lib/types"
import { chatwootKeys } from "./query-keys"

function useInvalidateChatwoot() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: chatwootKeys.all })
}

/** Provision, link or attach a sales channel's Chatwoot account. */
export function useCreateChatwootAccount() {
  const invalidate = useInvalidateChatwoot()
  return useMutation({
    mutationFn: (body: AdminCreateChatwootAccount) =>
      sdk.client.fetch<AdminChatwootAccountResponse>("/admin/chatwoot/accounts", { method: "POST", body }),
    onSettled: invalidate,
  })
}

/** Rename an account or change its locale (null: follow the store). */
export function useUpdateChatwootAccount(accountId: string) {
  const invalidate = useInvalidateChatwoot()
  return useMutation({
    mutationFn: (body: AdminUpdateChatwootAccount) =>
      sdk.client.fetch<AdminChatwootAccountResponse>(`/admin/chatwoot/accounts/${accountId}`, { method: "POST", body }),
    onSettled: invalidate,
  })
}

/** Retry provisioning, suspend or resume an account. */
export function useChatwootAccountAction(accountId: string) {
  const invalidate = useInvalidateChatwoot()
  return useMutation({
    mutationFn: (action: AccountAction) =>
      sdk.client.fetch<AdminChatwootAccountResponse>(`/admin/chatwoot/accounts/${accountId}/${action}`, {
        method: "POST",
      }),
    onSettled: invalidate,
  })
}

/** Delete an account (in Chatwoot too, when the plugin created it). */
export function useDeleteChatwootAccount(accountId: string) {
  const invalidate = useInvalidateChatwoot()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminChatwootAccountDeleteResponse>(`/admin/chatwoot/accounts/${accountId}`, {
        method: "DELETE",
        query: { confirm: "true" },
      }),
    onSettled: invalidate,
  })
}

/** Add an e-mail inbox (forwarding-only without IMAP/SMTP settings). */
export function useCreateChatwootEmailInbox(accountId: string) {
  const invalidate = useInvalidateChatwoot()
  return useMutation({
    mutationFn: (body: AdminCreateChatwootEmailInbox) =>
      sdk.client.fetch<AdminChatwootAccountResponse>(`/admin/chatwoot/accounts/${accountId}/email-inbox`, {
        method: "POST",
        body,
      }),
    onSettled: invalidate,
  })
}

/**
 * A one-time Chatwoot login link for the current admin, opened in a new tab
 * once the request resolves.
 */
export function useOpenInChatwoot(accountId: string) {
  const invalidate = useInvalidateChatwoot()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminChatwootSsoResponse>(`/admin/chatwoot/accounts/${accountId}/sso`, { method: "POST" }),
    // the first use makes the admin an administrator of the account
    onSuccess: invalidate,
  })
}

import { Button, toast } from "@medusajs/ui"
import { useCreateChatwootAccount } from "../../hooks/use-account-mutations"
import { errorMessage } from "../../lib/format"

type SetUpButtonProps = {
  salesChannelId: string
  salesChannelName: string
  size?: "small" | "base"
  variant?: "primary" | "secondary"
}

/** Provisions a new Chatwoot account for a sales channel (Platform API). */
export const SetUpButton = ({ salesChannelId, salesChannelName, size = "small", variant = "secondary" }: SetUpButtonProps) => {
  const create = useCreateChatwootAccount()

  const onClick = () => {
    create.mutate(
      { mode: "provision", sales_channel_id: salesChannelId },
      {
        onSuccess: ({ account }) => {
          if (account.status === "failed") {
            toast.error(`Setting up Chatwoot for ${salesChannelName} failed`, {
              description: account.last_error ?? "Use Retry in the row's menu once the problem is fixed.",
            })
          } else {
            toast.success(
              account.status === "active"
                ? `${salesChannelName} is connected to Chatwoot`
                : `Setting up Chatwoot for ${salesChannelName}…`
            )
          }
        },
        onError: (error) => {
          toast.error(`Could not set up Chatwoot for ${salesChannelName}`, { description: errorMessage(error) })
        },
      }
    )
  }

  return (
    <Button size={size} variant={variant} onClick={onClick} isLoading={create.isPending} disabled={create.isPending}>
      Set up
    </Button>
  )
}

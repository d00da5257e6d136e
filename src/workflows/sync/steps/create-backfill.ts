import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHATWOOT_MODULE } from "../../../modules/chatwoot"
import type ChatwootModuleService from "../../../modules/chatwoot/service"
import { wakeChatwootBackfills } from "../../../sync/backfill"
import { accountOfChannel } from "./resolve-sync-targets"

export type CreateBackfillInput = { sales_channel_id?: string | null }

export const createChatwootBackfillStepId = "chatwoot-create-backfill"

/**
 * Records a new backfill (cursor at the start, total = customers now). One
 * runs at a time: a second start while one is running is a 409. Scoped to a
 * storefront, that storefront must have a usable account. Compensation
 * deletes the row.
 */
export const createChatwootBackfillStep = createStep(
  createChatwootBackfillStepId,
  async (input: CreateBackfillInput, { container }) => {
    const chatwoot = container.resolve<ChatwootModuleService>(CHATWOOT_MODULE)
    const [running] = await chatwoot.listChatwootBackfills({ status: "running" })
    if (running) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Backfill ${running.id} is still running`)
    }
    let accountId: string | null = null
    if (input.sales_channel_id) {
      accountId = await accountOfChannel(chatwoot, input.sales_channel_id)
      if (!accountId) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Sales channel ${input.sales_channel_id} has no active Chatwoot account with chat enabled`
        )
      }
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { metadata } = await query.graph({ entity: "customer", fields: ["id"], pagination: { take: 1, skip: 0 } })
    const backfill = await chatwoot.createChatwootBackfills({
      sales_channel_id: input.sales_channel_id ?? null,
      account_id: accountId,
      status: "running",
      total: metadata?.count ?? 0,
      started_at: new Date(),
    })
    wakeChatwootBackfills()
    return new StepResponse(backfill, backfill.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<ChatwootModuleService>(CHATWOOT_MODULE).deleteChatwootBackfills(id)
  }
)

import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"

export type { EntityManager }

/**
 * The manager a decorated service method works on: the transaction when the
 * method runs in one (`@InjectTransactionManager`, or a caller's), else the
 * manager `@InjectManager` put in the context.
 */
export function managerOf(sharedContext: Context<EntityManager>): EntityManager {
  const manager = sharedContext.transactionManager ?? sharedContext.manager
  if (!manager) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The chatwoot store needs an entity manager: call it through a decorated service method"
    )
  }
  return manager
}

/** Runs one SQL statement and returns its rows with the shape the statement selects. */
export async function rowsOf<T extends object>(manager: EntityManager, sql: string, params?: unknown[]): Promise<T[]> {
  return (await manager.execute(sql, params)) as T[]
}

/** `?, ?, ?` for a list of bindings. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ")
}

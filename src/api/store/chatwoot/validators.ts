import { z } from "@medusajs/framework/zod"
import { toChatwootLocale } from "../../../modules/chatwoot/provisioning"

/** `?locale=` on GET /store/chatwoot/widget: a language tag like de, pt-BR or pt_BR. */
export const StoreGetChatwootWidget = z
  .object({
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}([-_][A-Za-z]{2})?$/, "must be a language tag like en, de or pt-BR")
      .transform((value) => toChatwootLocale(value))
      .optional(),
  })
  .strict()

export type StoreGetChatwootWidgetType = z.infer<typeof StoreGetChatwootWidget>

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

/** POST /store/chatwoot/contact: the fallback contact form. Plain text only. */
export const StorePostChatwootContact = z
  .object({
    email: z.string().trim().toLowerCase().max(254).email("email must be an e-mail address"),
    name: z.string().trim().max(255).optional(),
    message: z.string().trim().min(1, "message must not be empty").max(5000, "message must be at most 5000 characters"),
    order_id: z.string().trim().min(1).max(100).optional(),
  })
  .strict()

export type StorePostChatwootContactType = z.infer<typeof StorePostChatwootContact>

export const STOREFRONT_EVENT_TYPES = [
  "page_view",
  "product_view",
  "add_to_cart",
  "remove_from_cart",
  "checkout_started",
] as const

const id = z.string().trim().min(1).max(100)

/** POST /store/chatwoot/events: a batch of the loader's track() events (extra keys are dropped). */
export const StorePostChatwootEvents = z
  .object({
    events: z
      .array(
        z.object({
          type: z.enum(STOREFRONT_EVENT_TYPES),
          at: z.string().datetime({ offset: true }).optional(),
          url: z.string().max(2048).optional(),
          product_id: id.optional(),
          variant_id: id.optional(),
          quantity: z.number().int().min(0).max(10_000).optional(),
        })
      )
      .min(1)
      .max(50, "events: at most 50 per batch"),
  })
  .strict()

export type StorePostChatwootEventsType = z.infer<typeof StorePostChatwootEvents>

export * from "./dismiss-contact-change"
export * from "./process-webhook"
export * from "./update-webhook-auth"

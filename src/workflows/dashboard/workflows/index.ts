export * from "./post-private-note"
export * from "./request-return"
export * from "./resend-order-confirmation"

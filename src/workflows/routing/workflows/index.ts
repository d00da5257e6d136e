export * from "./route-conversation"
export * from "./update-routing-rules"

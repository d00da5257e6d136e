export * from "./post-private-note"

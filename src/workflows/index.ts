// Workflows of medusa-plugin-chatwoot, importable as
// `import { … } from "medusa-plugin-chatwoot/workflows"`.
export {}

/**
 * State shared by all of the plugin's code in this process. Medusa loads
 * subscribers, jobs, routes and workflows separately and hands each its own
 * container scope, so neither a module-level variable nor a map keyed by a
 * resolved service is reliably one per process: an in-process debounce kept
 * that way turns into one timer per caller.
 */
export function processState<T extends object>(name: string, init: () => T): T {
  const key = Symbol.for(`medusa-plugin-chatwoot.${name}`)
  const store = globalThis as unknown as Record<symbol, T | undefined>
  return (store[key] ??= init())
}

/**
 * Contract-test harness: validate logged sandbox exchanges against the Chatwoot OpenAPI spec and
 * register contract suites that announce loudly when CHATWOOT_OPENAPI is not set.
 *
 *   describeContract("chatwoot client", (contract) => {
 *     it("speaks the spec", async () => {
 *       … drive the client against startSandbox() …
 *       expectConformant(sandbox.requests)
 *     })
 *   })
 */
import type { RequestLogEntry } from "../sandbox"
import { loadContract, type OpenApiContract } from "./openapi"

export interface ContractFailure {
  id: number
  method: string
  path: string
  status: number
  operationId: string | null
  errors: string[]
}

/** Log entries whose response was produced by an injected fault say nothing about the contract. */
const FAULTS_WITHOUT_CONTRACT = new Set(["rate_limit", "server_error", "timeout", "outage"])

export function isContractRelevant(entry: RequestLogEntry): boolean {
  if (entry.status === 0) return false
  if (entry.fault && FAULTS_WITHOUT_CONTRACT.has(entry.fault)) return false
  // control endpoints are never logged; skip defensively if an older log contains them
  return !entry.path.startsWith("/__sandbox")
}

/**
 * Validate every contract-relevant exchange; returns the failures (empty = all conform).
 * Throws when CHATWOOT_OPENAPI is unset — use describeContract to skip cleanly.
 */
export function validateExchanges(entries: RequestLogEntry[], contract: OpenApiContract | null = loadContract()): ContractFailure[] {
  if (!contract) {
    throw new Error("validateExchanges needs CHATWOOT_OPENAPI (path to the Chatwoot swagger.json)")
  }
  const failures: ContractFailure[] = []
  for (const entry of entries) {
    if (!isContractRelevant(entry)) continue
    const result = contract.validate({
      method: entry.method,
      path: entry.path,
      query: entry.query,
      body: entry.body,
      status: entry.status,
      responseBody: entry.responseBody,
    })
    if (result.errors.length) {
      failures.push({
        id: entry.id,
        method: entry.method,
        path: entry.path,
        status: entry.status,
        operationId: result.operationId,
        errors: result.errors,
      })
    }
  }
  return failures
}

export function formatFailures(failures: ContractFailure[]): string {
  return failures
    .map((f) => `#${f.id} ${f.method} ${f.path} → ${f.status}\n${f.errors.map((e) => `    ${e}`).join("\n")}`)
    .join("\n")
}

/** Assert that every exchange conforms; the failure message lists each violation. */
export function expectConformant(entries: RequestLogEntry[], contract?: OpenApiContract | null): void {
  const failures = validateExchanges(entries, contract === undefined ? loadContract() : contract)
  if (failures.length) {
    throw new Error(`${failures.length} exchange(s) violate the Chatwoot OpenAPI contract:\n${formatFailures(failures)}`)
  }
}

/** Operations (method + template) that the given exchanges exercised. */
export function coveredOperations(entries: RequestLogEntry[], contract: OpenApiContract): Set<string> {
  const covered = new Set<string>()
  for (const entry of entries) {
    if (!isContractRelevant(entry)) continue
    const op = contract.match(entry.method, entry.path)
    if (op) covered.add(`${op.method} ${op.template}`)
  }
  return covered
}

const SKIP_BANNER = (name: string) =>
  [
    "",
    "==================================================================================",
    `  CONTRACT SUITE SKIPPED: "${name}"`,
    "  set CHATWOOT_OPENAPI=/path/to/chatwoot/swagger.json (e.g. /work/shared/chatwoot/swagger.json)",
    "  to validate every Chatwoot exchange against the OpenAPI spec.",
    "==================================================================================",
    "",
  ].join("\n")

/**
 * describe() for contract suites. Without CHATWOOT_OPENAPI it registers one passing test whose name
 * says the suite is SKIPPED (and prints a loud banner); otherwise it runs `fn` with the contract.
 */
export function describeContract(name: string, fn: (contract: OpenApiContract) => void): void {
  const contract = loadContract()
  if (!contract) {
    describe(name, () => {
      it(`SKIPPED: contract suite "${name}" needs CHATWOOT_OPENAPI=<path to swagger.json>`, () => {
        console.warn(SKIP_BANNER(name))
        expect(process.env.CHATWOOT_OPENAPI).toBeFalsy()
      })
    })
    return
  }
  describe(name, () => fn(contract))
}

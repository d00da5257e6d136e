import { createHash } from "node:crypto"
import { mountChatwoot } from "./mount"

/**
 * The classic script served at GET /chatwoot/loader.js: `mountChatwoot`'s
 * own source (the same code the ES module runs) plus a few lines reading the
 * options from its `<script>` tag:
 *
 *   <script src="https://medusa.example.com/chatwoot/loader.js"
 *           data-publishable-key="pk_…" async></script>
 *
 * data-medusa-url (default: the script's origin), data-locale,
 * data-sdk-timeout-ms and data-auth-storage (localStorage key holding the
 * customer's bearer token). The mounted API is `window.MedusaChatwoot`.
 */
export function buildLoaderScript(): string {
  const body = [
    "(function(){",
    "var s=document.currentScript;if(!s)return;",
    "var a=function(n){return s.getAttribute('data-'+n)};var k=a('auth-storage');",
    `window.MedusaChatwoot=(${mountChatwoot.toString()})({`,
    "medusaUrl:a('medusa-url')||new URL(s.src).origin,publishableKey:a('publishable-key'),",
    "locale:a('locale')||undefined,sdkTimeoutMs:Number(a('sdk-timeout-ms'))||undefined,",
    "getAuthToken:k?function(){try{return localStorage.getItem(k)}catch(e){return null}}:undefined})",
    "})();",
  ].join("\n")
  // indentation and comment-only lines carry no meaning (no multi-line strings in the source)
  return (
    body
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("//"))
      .join("\n") + "\n"
  )
}

let cached: { script: string; etag: string } | null = null

/** The served script and its ETag, built once per process. */
export function loaderScript() {
  if (!cached) {
    const script = buildLoaderScript()
    cached = { script, etag: `"${createHash("sha256").update(script).digest("base64url").slice(0, 27)}"` }
  }
  return cached
}

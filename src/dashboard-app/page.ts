import { createHash } from "node:crypto"
import { runDashboardApp } from "./app"

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f8fafc}
#app{padding:12px;display:flex;flex-direction:column;gap:10px}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 12px}
h1{font-size:15px;margin:0}h2{font-size:13px;margin:0 0 6px}
a{color:#1f6feb;text-decoration:none}a:hover{text-decoration:underline}
.row{display:flex;gap:8px;align-items:baseline;justify-content:space-between;flex-wrap:wrap}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:8px 0 0}dt{color:#6b7280}dd{margin:0}
.muted{color:#6b7280}.num{margin-left:auto;font-variant-numeric:tabular-nums}
.badge{display:inline-block;background:#eef2ff;color:#3730a3;border-radius:10px;padding:0 8px;font-size:12px;margin-right:4px}.badge.unverified{background:#fef3c7;color:#92400e}
ul{list-style:none;margin:0;padding:0}.orders>li{border-top:1px solid #f1f5f9;padding:8px 0}
.items li{display:flex;gap:8px}.items{margin:6px 0}.totals,.returns{margin:2px 0;font-size:12px}
.ship li{font-size:12px}.actions,.pager{display:flex;gap:6px;margin-top:6px;align-items:center}
button{font:inherit;border:1px solid #d1d5db;background:#fff;border-radius:6px;padding:3px 10px;cursor:pointer}
button:disabled{opacity:.5;cursor:default}button.danger{background:#dc2626;border-color:#dc2626;color:#fff}
.confirm{margin-top:6px;padding:8px;border:1px solid #fecaca;background:#fef2f2;border-radius:6px}.confirm p{margin:0 0 6px}
.msg{margin:0;padding:8px 10px;border-radius:6px;background:#f1f5f9}.msg.error{background:#fef2f2;color:#991b1b}
.msg.success{background:#ecfdf5;color:#065f46}.msg.warn{background:#fffbeb;color:#92400e}
`.trim()

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64")

let cached: { key: string; html: string; csp: string } | null = null

/**
 * The dashboard app page for a Chatwoot origin: one small HTML document with
 * its script and style inline, allowed by their hashes in a strict CSP that
 * only lets Chatwoot frame it and only lets it call this server.
 */
export function dashboardAppPage(chatwootOrigin: string, apiBase: string) {
  const key = `${chatwootOrigin} ${apiBase}`
  if (cached?.key === key) return cached
  const config = JSON.stringify({ chatwootOrigin, apiBase }).replace(/</g, "\\u003c")
  const script = `(${runDashboardApp.toString()})(${config});`
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><title>Medusa orders</title>` +
    `<style>${STYLE}</style></head><body><main id="app"></main>` +
    `<script>${script}</script></body></html>`
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    `style-src 'sha256-${sha256(STYLE)}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${chatwootOrigin}`,
  ].join("; ")
  cached = { key, html, csp }
  return cached
}

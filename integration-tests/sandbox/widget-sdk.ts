/**
 * A stand-in for Chatwoot's web widget SDK (`GET /packs/js/sdk.js`): enough
 * for a storefront loader to be tested in a browser. `chatwootSDK.run()` renders a bubble, defines
 * `window.$chatwoot` (setUser, reset, toggle, setLocale, setCustomAttributes, …) and dispatches
 * `chatwoot:ready`. Every call is kept in `window.__chatwootCalls` and posted to
 * `POST /__sandbox/sdk-calls`, where `setUser` is checked like Chatwoot's
 * `ContactsController#valid_hmac?` against the website inbox's hmac_token (`hmac_valid`).
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import { json, type Router } from "./http"
import type { ControlContext } from "./control"
import type { Sandbox, SdkCallRecord } from "./types"
import { isObject } from "./util"

export const SDK_PATH = "/packs/js/sdk.js"

export const SDK_JS = `(function () {
  var script = document.currentScript
  var base = script ? new URL(script.src).origin : ""
  var calls = (window.__chatwootCalls = window.__chatwootCalls || [])
  var token = null
  var seq = 0
  function record(method, args) {
    var call = { seq: ++seq, method: method, args: args, website_token: token, at: Date.now() }
    calls.push(call)
    return fetch(base + "/__sandbox/sdk-calls", { method: "POST", body: JSON.stringify(call), keepalive: true })
      .then(function (r) { return r.json() })
      .then(function (saved) {
        call.hmac_valid = saved.hmac_valid
        if (saved.hmac_valid === false) {
          window.dispatchEvent(new CustomEvent("chatwoot:error", { detail: { message: "HMAC failed: Invalid Identifier Hash Provided" } }))
        }
        return saved
      })
      .catch(function () {})
  }
  window.chatwootSDK = {
    run: function (opts) {
      token = opts.websiteToken
      var settings = window.chatwootSettings || {}
      var bubble = document.createElement("button")
      bubble.id = "chatwoot-sandbox-bubble"
      bubble.className = "woot-widget-bubble"
      bubble.type = "button"
      bubble.setAttribute("aria-label", "Open chat")
      bubble.setAttribute("data-website-token", token)
      bubble.textContent = settings.launcherTitle || "Chat"
      bubble.style.cssText = "position:fixed;bottom:20px;" + (settings.position === "left" ? "left" : "right") +
        ":20px;z-index:2147483000;padding:12px 18px;border-radius:24px;border:0;color:#fff;background:#1f93ff;font:600 14px system-ui"
      document.body.appendChild(bubble)
      var api = {
        hasLoaded: true, isOpen: false, websiteToken: token, baseUrl: opts.baseUrl, user: null,
        setUser: function (identifier, user) { api.user = { identifier: identifier, user: user }; return record("setUser", [identifier, user]) },
        reset: function () { api.user = null; api.isOpen = false; return record("reset", []) },
        toggle: function (state) { api.isOpen = state === "open" ? true : state === "close" ? false : !api.isOpen; return record("toggle", [state]) },
        setLocale: function (locale) { return record("setLocale", [locale]) },
        setCustomAttributes: function (attributes) { return record("setCustomAttributes", [attributes]) },
        setLabel: function (label) { return record("setLabel", [label]) },
        toggleBubbleVisibility: function (v) { return record("toggleBubbleVisibility", [v]) }
      }
      bubble.addEventListener("click", function () { api.toggle() })
      window.$chatwoot = api
      record("run", [{ websiteToken: opts.websiteToken, baseUrl: opts.baseUrl }])
      setTimeout(function () { window.dispatchEvent(new CustomEvent("chatwoot:ready")) }, 0)
    }
  }
})();
`

function hmacValid(sandbox: Sandbox, websiteToken: unknown, identifier: unknown, hash: unknown): boolean | null {
  if (typeof hash !== "string") return null
  const inbox = [...sandbox.state.inboxes.values()].find(
    (i) => i.channel.type === "web_widget" && i.channel.website_token === websiteToken
  )
  if (!inbox || inbox.channel.type !== "web_widget") return false
  const expected = Buffer.from(createHmac("sha256", inbox.channel.hmac_token).update(String(identifier)).digest("hex"))
  const given = Buffer.from(hash)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export function registerWidgetSdkRoutes(router: Router<ControlContext>, sandbox: Sandbox): void {
  /** { method, args, website_token, seq?, at? } → the stored record with hmac_valid (setUser only) */
  router.on("POST", "/__sandbox/sdk-calls", (ctx) => {
    const input = isObject(ctx.req.body) ? ctx.req.body : {}
    const args = Array.isArray(input.args) ? input.args : []
    const method = typeof input.method === "string" ? input.method : "unknown"
    const user = isObject(args[1]) ? args[1] : {}
    const record: SdkCallRecord = {
      id: sandbox.sdkCalls.length + 1,
      method,
      args,
      website_token: typeof input.website_token === "string" ? input.website_token : null,
      received_at: new Date().toISOString(),
      hmac_valid: method === "setUser" ? hmacValid(sandbox, input.website_token, args[0], user.identifier_hash) : null,
    }
    sandbox.sdkCalls.push(record)
    return json(200, record)
  })
  router.on("GET", "/__sandbox/sdk-calls", () => json(200, { calls: sandbox.sdkCalls }))
  router.on("DELETE", "/__sandbox/sdk-calls", () => {
    sandbox.sdkCalls.length = 0
    return json(200, { ok: true })
  })
}

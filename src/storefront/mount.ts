/**
 * The storefront loader (ARCHITECTURE.md, "A storefront request"). ONE implementation: imported as an ES
 * module (`medusa-plugin-chatwoot/storefront`) and served as the classic
 * script GET /chatwoot/loader.js, which embeds this function's source text
 * (see ./loader-script). So the body must stay self-contained: no imports,
 * no helpers, no syntax a compiler would rewrite into helper calls (no
 * object spread, async/await, classes or optional chaining); only browser
 * globals.
 */

export type MountChatwootOptions = {
  /** Base URL of the Medusa server, e.g. https://api.shop.example.com */
  medusaUrl: string
  /** Publishable API key of the storefront (sales channel). */
  publishableKey: string
  /** The logged-in customer's Medusa token (bearer), or null for guests. */
  getAuthToken?: () => string | null | undefined | Promise<string | null | undefined>
  /** Chatwoot locale override, e.g. "de" or "pt_BR". */
  locale?: string
  /** How long to wait for Chatwoot's SDK before showing the contact form (default 8000). */
  sdkTimeoutMs?: number
}

export type ChatwootStorefrontEvent = {
  type: "page_view" | "product_view" | "add_to_cart" | "remove_from_cart" | "checkout_started"
  [key: string]: unknown
}

export type MountedChatwoot = {
  /** Resolves with the widget config (or null when it could not be fetched). */
  ready: Promise<unknown>
  /** Identifies the logged-in customer in the widget (call after login). */
  identify(): Promise<void>
  /** Ends the customer's chat session in this browser (call on logout). */
  logout(): void
  /** Queues a storefront event (sent in batches to /store/chatwoot/events). */
  track(event: ChatwootStorefrontEvent): void
  /** Removes everything the loader added. */
  destroy(): void
}

export function mountChatwoot(o: MountChatwootOptions): MountedChatwoot {
  var w = window as any
  var d = document
  var base = String(o.medusaUrl || "").replace(/\/+$/, "")
  var cfg: any = null
  var ready = false
  var dead = false
  var who: string | null = null
  var box: HTMLElement | null = null
  var sdk: HTMLScriptElement | null = null
  var timer: any = 0
  var flushTimer: any = 0
  var events: unknown[] = []
  var headers = function (token?: string | null) {
    var h: Record<string, string> = { "x-publishable-api-key": o.publishableKey, "content-type": "application/json" }
    if (token) h.authorization = "Bearer " + token
    return h
  }
  var call = function (path: string, token?: string | null, body?: unknown, keepalive?: boolean) {
    return fetch(base + path, {
      method: body ? "POST" : "GET",
      headers: headers(token),
      body: body ? JSON.stringify(body) : undefined,
      keepalive: !!keepalive,
    })
  }
  var cw = function () {
    return w.$chatwoot
  }
  var identify = function (): Promise<void> {
    if (!ready || dead) return Promise.resolve()
    return Promise.resolve(o.getAuthToken ? o.getAuthToken() : null)
      .then(function (token) {
        if (!token) {
          // a guest, but the widget still holds an identified session (logout elsewhere, expired token)
          if (who || d.cookie.indexOf("cw_user_" + cfg.website_token + "=") >= 0) logout()
          return
        }
        return call("/store/chatwoot/identity", token)
          .then(function (r) {
            return r.ok ? r.json() : null
          })
          .then(function (j: any) {
            var i = j && j.identity
            if (!i || dead) return
            if (who && who !== i.identifier) cw().reset()
            who = i.identifier
            cw().setUser(i.identifier, {
              identifier_hash: i.identifier_hash,
              email: i.email,
              name: i.name,
              phone_number: i.phone_number,
            })
          })
      })
      .catch(function () {})
  }
  var logout = function () {
    who = null
    if (ready && cw()) cw().reset()
  }
  var flush = function () {
    flushTimer = 0
    if (!events.length) return
    var batch = events.splice(0, 50)
    Promise.resolve(o.getAuthToken ? o.getAuthToken() : null)
      .then(function (token) {
        return call("/store/chatwoot/events", token, { events: batch }, true)
      })
      .catch(function () {})
  }
  var track = function (e: ChatwootStorefrontEvent) {
    if (dead || !e || !e.type) return
    events.push(Object.assign({ at: new Date().toISOString() }, e))
    if (!flushTimer) flushTimer = setTimeout(flush, 1000)
  }
  var unbox = function () {
    if (box && box.parentNode) box.parentNode.removeChild(box)
    box = null
  }
  var fallback = function () {
    if (dead || box || ready || !cfg || !cfg.fallback || !cfg.fallback.contact_form) return
    var s = cfg.settings || {}
    box = d.createElement("div")
    box.id = "cw-fallback"
    box.setAttribute("style",
      "position:fixed;bottom:20px;" + (s.position === "left" ? "left" : "right") + ":20px;z-index:2147483000;max-width:320px;" +
      "font:14px/1.4 system-ui,sans-serif;background:#fff;color:#111;border:1px solid #ccc;border-radius:8px;padding:8px 12px;box-shadow:0 4px 16px #0003")
    var f = "display:block;width:100%;box-sizing:border-box;margin:2px 0 8px;padding:6px;font:inherit"
    box.innerHTML =
      '<details><summary style="cursor:pointer;font-weight:600;color:' + (s.widget_color || "#1f93ff") + '">Contact us</summary>' +
      '<form novalidate><p style="margin:8px 0">Chat is unavailable right now. Leave us a message.</p>' +
      '<label>E-mail<input name="email" type="email" autocomplete="email" required style="' + f + '"></label>' +
      '<label>Name (optional)<input name="name" autocomplete="name" style="' + f + '"></label>' +
      '<label>Order ID (optional)<input name="order_id" style="' + f + '"></label>' +
      '<label>Message<textarea name="message" rows="4" required style="' + f + '"></textarea></label>' +
      '<button type="submit" style="padding:6px 14px;font:inherit">Send</button>' +
      '<p role="status" aria-live="polite" style="margin:8px 0 0"></p></form></details>'
    d.body.appendChild(box)
    var form = box.querySelector("form") as HTMLFormElement
    var status = box.querySelector("[role=status]") as HTMLElement
    form.addEventListener("submit", function (ev) {
      ev.preventDefault()
      var v = function (n: string) {
        return ((form.elements.namedItem(n) as HTMLInputElement).value || "").trim()
      }
      var body: Record<string, string> = { email: v("email"), message: v("message") }
      if (v("name")) body.name = v("name")
      if (v("order_id")) body.order_id = v("order_id")
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email) || !body.message) {
        status.textContent = "Please enter your e-mail address and a message."
        return
      }
      var button = form.querySelector("button") as HTMLButtonElement
      button.disabled = true
      status.textContent = "Sending…"
      call("/store/chatwoot/contact", null, body)
        .then(function (r) {
          if (r.status === 201 || r.status === 202) {
            form.reset()
            status.textContent = "Thank you! We will get back to you by e-mail."
          } else {
            status.textContent = r.status === 429 ? "Too many messages. Please try again later." : "Sorry, your message could not be sent. Please try again."
          }
        })
        .catch(function () {
          status.textContent = "Sorry, your message could not be sent. Please try again."
        })
        .then(function () {
          button.disabled = false
        })
    })
  }
  var onReady = function () {
    if (dead) return
    ready = true
    clearTimeout(timer)
    unbox()
    identify()
  }
  var start = function (c: any) {
    cfg = c
    if (dead || !c) return c
    if (!c.enabled) {
      fallback()
      return c
    }
    var s = c.settings || {}
    w.chatwootSettings = {
      position: s.position,
      type: s.type,
      launcherTitle: s.launcher_title,
      locale: c.locale,
      darkMode: s.dark_mode,
      welcomeTitle: s.welcome_title,
      welcomeDescription: s.welcome_tagline,
    }
    w.addEventListener("chatwoot:ready", onReady)
    timer = setTimeout(fallback, o.sdkTimeoutMs || 8000)
    sdk = d.createElement("script")
    sdk.src = c.base_url + "/packs/js/sdk.js"
    sdk.async = true
    sdk.onload = function () {
      if (!dead && w.chatwootSDK) w.chatwootSDK.run({ websiteToken: c.website_token, baseUrl: c.base_url })
    }
    sdk.onerror = function () {
      clearTimeout(timer)
      fallback()
    }
    d.head.appendChild(sdk)
    return c
  }
  var loaded = call("/store/chatwoot/widget" + (o.locale ? "?locale=" + encodeURIComponent(o.locale) : ""))
    .then(function (r) {
      return r.ok ? r.json() : null
    })
    .then(function (j: any) {
      var c = j && j.widget
      if (d.body) return start(c)
      return new Promise(function (resolve) {
        d.addEventListener("DOMContentLoaded", function () {
          resolve(start(c))
        })
      })
    })
    .catch(function () {
      return null
    })
  return {
    ready: loaded,
    identify: identify,
    logout: logout,
    track: track,
    destroy: function () {
      dead = true
      clearTimeout(timer)
      clearTimeout(flushTimer)
      w.removeEventListener("chatwoot:ready", onReady)
      unbox()
      if (sdk && sdk.parentNode) sdk.parentNode.removeChild(sdk)
    },
  }
}

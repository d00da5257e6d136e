/**
 * The agent dashboard app that runs inside Chatwoot's conversation view
 * (ARCHITECTURE.md, "The agent dashboard app"). Served by GET /chatwoot/dashboard-app,
 * which embeds this function's source text in the page. So the body must stay
 * self-contained: no imports, no helpers, no syntax a compiler would rewrite
 * into helper calls (no object spread, async/await, classes, optional
 * chaining, for…of or array spread); only browser globals.
 *
 * Protocol: the app asks its parent with the exact string
 * "chatwoot-dashboard-app:fetch-info"; Chatwoot answers with a JSON string
 * `{ event: "appContext", data: { conversation, contact, currentAgent } }`.
 * Messages are accepted only from the configured Chatwoot origin and from
 * the parent window. The per-account secret comes from the URL fragment
 * (`#k=…`) and goes to the plugin's data routes in a header; ids from the
 * context are only hints the server checks against that account.
 */

export type DashboardAppConfig = {
  /** Origin of the Chatwoot installation (`chatwoot_url`). */
  chatwootOrigin: string
  /** Path of the data routes, e.g. /chatwoot/dashboard-app/api */
  apiBase: string
}

export function runDashboardApp(config: DashboardAppConfig): void {
  var root = document.getElementById("app") as HTMLElement
  var secretMatch = /(?:^#|&)k=([^&]+)/.exec(window.location.hash || "")
  var secret = secretMatch ? decodeURIComponent(secretMatch[1]) : ""
  var state: {
    conversationId: number | null
    contactId: number | null
    agent: { id: number | null; name: string; email: string } | null
    data: any
    page: number
    confirming: { orderId: string; action: string; question: string; yes: string } | null
    busy: boolean
    notice: { kind: string; text: string } | null
  } = { conversationId: null, contactId: null, agent: null, data: null, page: 1, confirming: null, busy: false, notice: null }

  function h(tag: string, attrs?: Record<string, string> | null, children?: any): HTMLElement {
    var el = document.createElement(tag)
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        el.setAttribute(key, attrs[key])
      })
    }
    var list = children === undefined || children === null ? [] : Array.isArray(children) ? children : [children]
    list.forEach(function (child: any) {
      if (child === null || child === undefined || child === false) return
      el.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child)
    })
    return el
  }

  function money(amount: number, currency: string) {
    try {
      return new Intl.NumberFormat(undefined, { style: "currency", currency: (currency || "EUR").toUpperCase() }).format(amount || 0)
    } catch (e) {
      return (amount || 0).toFixed(2) + " " + (currency || "").toUpperCase()
    }
  }

  function date(value: string | null) {
    if (!value) return "–"
    var d = new Date(value)
    return isNaN(d.getTime()) ? "–" : d.toLocaleDateString()
  }

  function label(value: string | null | undefined) {
    return value ? String(value).replace(/_/g, " ") : "–"
  }

  function link(href: string | null, text: string, testId?: string) {
    if (!href) return h("span", null, text)
    var attrs: Record<string, string> = { href: href, target: "_blank", rel: "noopener noreferrer" }
    if (testId) attrs["data-testid"] = testId
    return h("a", attrs, text)
  }

  function show(content: HTMLElement | HTMLElement[]) {
    while (root.firstChild) root.removeChild(root.firstChild)
    ;(Array.isArray(content) ? content : [content]).forEach(function (c) {
      root.appendChild(c)
    })
  }

  function message(kind: string, text: string) {
    show(h("p", { class: "msg " + kind, "data-testid": "dashboard-" + kind }, text))
  }

  function request(method: string, path: string, body?: unknown): Promise<any> {
    return fetch(config.apiBase + path, {
      method: method,
      headers: body === undefined
        ? { "x-dashboard-app-secret": secret, accept: "application/json" }
        : { "x-dashboard-app-secret": secret, accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    }).then(function (res) {
      return res.json().catch(function () {
        return {}
      }).then(function (json: any) {
        if (!res.ok) {
          var error: any = new Error((json && json.message) || "Request failed (" + res.status + ")")
          error.status = res.status
          throw error
        }
        return json
      })
    })
  }

  function ids() {
    return "conversation_id=" + encodeURIComponent(String(state.conversationId)) + "&contact_id=" + encodeURIComponent(String(state.contactId))
  }

  function load() {
    message("loading", "Loading customer…")
    request("GET", "/context?" + ids() + "&page=" + state.page)
      .then(function (data) {
        state.data = data
        render()
      })
      .catch(function (error) {
        message("error", error.status === 404 ? "No customer of this storefront matches this contact." : error.message)
      })
  }

  function loadPage(page: number) {
    state.busy = true
    request("GET", "/orders?" + ids() + "&page=" + page)
      .then(function (orders) {
        state.page = page
        state.data.orders = orders.orders
        state.busy = false
        render()
      })
      .catch(function (error) {
        state.busy = false
        state.notice = { kind: "error", text: error.message }
        render()
      })
  }

  function runAction() {
    var c = state.confirming
    if (!c || state.busy) return
    state.busy = true
    render()
    request("POST", "/orders/" + encodeURIComponent(c.orderId) + "/" + c.action, {
      conversation_id: state.conversationId,
      contact_id: state.contactId,
      confirm: true,
      agent: state.agent,
    })
      .then(function (result) {
        state.busy = false
        state.confirming = null
        state.notice = { kind: "success", text: result.message || "Done" }
        load()
      })
      .catch(function (error) {
        state.busy = false
        state.confirming = null
        state.notice = { kind: "error", text: error.message }
        render()
      })
  }

  function orderView(order: any, actions: any) {
    var items = h(
      "ul",
      { class: "items" },
      order.items.map(function (item: any) {
        return h("li", null, [
          item.quantity + " × " + item.title + (item.variant_title ? " (" + item.variant_title + ")" : ""),
          h("span", { class: "num" }, money(item.total, order.currency_code)),
        ])
      })
    )
    var shipments = order.shipments.length
      ? h(
          "ul",
          { class: "ship" },
          order.shipments.map(function (s: any) {
            return h("li", { "data-testid": "dashboard-tracking" }, [
              "Tracking: ",
              s.tracking_url ? link(s.tracking_url, s.tracking_number || s.tracking_url) : s.tracking_number || "–",
              s.delivered_at ? " · delivered " + date(s.delivered_at) : s.shipped_at ? " · shipped " + date(s.shipped_at) : "",
            ])
          })
        )
      : null
    var returns = order.returns.length
      ? h(
          "p",
          { class: "returns" },
          "Returns: " +
            order.returns
              .map(function (r: any) {
                return label(r.status) + " (" + date(r.created_at) + ")"
              })
              .join(", ")
        )
      : null
    var buttons: HTMLElement[] = []
    function actionButton(action: string, text: string, question: string, yes: string, enabled: boolean) {
      if (!enabled) return
      var b = h("button", { type: "button", "data-action": action }, text) as HTMLButtonElement
      b.onclick = function () {
        state.confirming = { orderId: order.id, action: action, question: question, yes: yes }
        state.notice = null
        render()
      }
      buttons.push(b)
    }
    var ref = "order #" + order.display_id
    actionButton("cancel", "Cancel order", "Cancel " + ref + "?", "Yes, cancel " + ref, actions.cancel_order && order.can_cancel)
    actionButton("resend-confirmation", "Resend confirmation", "Send the confirmation of " + ref + " again?", "Yes, resend it", actions.resend_confirmation)
    actionButton("return", "Create return request", "Request the return of the fulfilled items of " + ref + "?", "Yes, request the return", actions.create_return && order.can_return)
    var confirmBox = null
    if (state.confirming && state.confirming.orderId === order.id) {
      var yes = h("button", { type: "button", class: "danger", "data-testid": "dashboard-confirm" }, state.confirming.yes) as HTMLButtonElement
      yes.onclick = runAction
      yes.disabled = state.busy
      var no = h("button", { type: "button" }, "Back") as HTMLButtonElement
      no.onclick = function () {
        state.confirming = null
        render()
      }
      confirmBox = h("div", { class: "confirm", role: "alertdialog" }, [
        h("p", null, state.confirming.question + " It is recorded as a private note in this conversation."),
        yes,
        no,
      ])
    }
    return h("li", { class: "order", "data-testid": "dashboard-order", "data-order-id": order.id }, [
      h("div", { class: "row" }, [
        h("strong", null, link(order.admin_url, "#" + order.display_id)),
        h("span", { class: "muted" }, date(order.created_at)),
        h("span", { class: "num" }, money(order.total, order.currency_code)),
      ]),
      h("div", { class: "badges" }, [
        h("span", { class: "badge" }, label(order.status)),
        h("span", { class: "badge" }, "payment: " + label(order.payment_status)),
        h("span", { class: "badge" }, "fulfilment: " + label(order.fulfillment_status)),
      ]),
      items,
      h("p", { class: "muted totals" },
        "Subtotal " + money(order.subtotal, order.currency_code) + " · shipping " + money(order.shipping_total, order.currency_code) +
        " · tax " + money(order.tax_total, order.currency_code) +
        (order.discount_total ? " · discount −" + money(order.discount_total, order.currency_code) : "")),
      shipments,
      returns,
      buttons.length ? h("div", { class: "actions" }, buttons) : null,
      confirmBox,
    ])
  }

  function render() {
    var d = state.data
    var c = d.customer
    var parts: HTMLElement[] = []
    if (state.notice) parts.push(h("p", { class: "msg " + state.notice.kind, "data-testid": "dashboard-notice" }, state.notice.text))
    parts.push(
      h("section", { class: "card", "data-testid": "dashboard-customer" }, [
        h("div", { class: "row" }, [
          h("h1", null, c.admin_url ? link(c.admin_url, c.name || c.email || "Customer", "dashboard-customer-link") : c.name || c.email || "Guest"),
          d.storefront ? h("span", { class: "badge", "data-testid": "dashboard-storefront" }, d.storefront.name) : null,
          c.verified === false
            ? h("span", { class: "badge unverified", "data-testid": "dashboard-unverified", title: c.unverified_reason || "" }, "Unverified")
            : null,
        ]),
        h("dl", null, [
          h("dt", null, "Tier"), h("dd", { "data-testid": "dashboard-tier" }, c.tier || "–"),
          h("dt", null, "Lifetime value"), h("dd", { "data-testid": "dashboard-ltv" }, money(c.lifetime_value, c.currency)),
          h("dt", null, "Orders"), h("dd", null, String(c.orders_count)),
          h("dt", null, c.is_guest ? "First order" : "Customer since"), h("dd", null, date(c.customer_since)),
          h("dt", null, "E-mail"), h("dd", null, c.email || "–"),
        ]),
        c.verified === false
          ? h("p", { class: "msg warn", "data-testid": "dashboard-unverified-note" },
              "Unverified: the name and e-mail are what the visitor typed, not proof of who they are. Only guest orders placed with this e-mail are shown, and order actions are off.")
          : c.is_guest ? h("p", { class: "muted" }, "Guest: matched by e-mail within this storefront.") : null,
      ])
    )
    if (d.cart) {
      parts.push(
        h("section", { class: "card", "data-testid": "dashboard-cart" }, [
          h("h2", null, "Current cart · " + money(d.cart.total, d.cart.currency_code)),
          h("ul", { class: "items" }, d.cart.items.map(function (item: any) {
            return h("li", null, [item.quantity + " × " + item.title, h("span", { class: "num" }, money(item.total, d.cart.currency_code))])
          })),
          h("p", { class: "muted" }, "Updated " + date(d.cart.updated_at)),
        ])
      )
    }
    var o = d.orders
    var pages = Math.max(1, Math.ceil(o.count / o.page_size))
    var prev = h("button", { type: "button", "data-testid": "dashboard-prev" }, "Newer") as HTMLButtonElement
    prev.disabled = o.page <= 1 || state.busy
    prev.onclick = function () { loadPage(o.page - 1) }
    var next = h("button", { type: "button", "data-testid": "dashboard-next" }, "Older") as HTMLButtonElement
    next.disabled = o.page >= pages || state.busy
    next.onclick = function () { loadPage(o.page + 1) }
    parts.push(
      h("section", { class: "card" }, [
        h("h2", null, "Orders (" + o.count + ")"),
        o.items.length
          ? h("ul", { class: "orders", "data-testid": "dashboard-orders" }, o.items.map(function (order: any) { return orderView(order, order.actions || d.actions) }))
          : h("p", { class: "muted" }, "No orders in this storefront."),
        pages > 1 ? h("div", { class: "pager" }, [prev, h("span", { class: "muted" }, "Page " + o.page + " of " + pages), next]) : null,
      ])
    )
    show(parts)
  }

  function onMessage(event: MessageEvent) {
    // Chatwoot posts to "*" and signs nothing: only its origin, from our parent frame, counts
    if (event.origin !== config.chatwootOrigin || event.source !== window.parent) return
    if (typeof event.data !== "string") return
    var payload: any
    try {
      payload = JSON.parse(event.data)
    } catch (e) {
      return
    }
    if (!payload || payload.event !== "appContext" || !payload.data) return
    var conversation = payload.data.conversation || {}
    var contact = payload.data.contact || {}
    var sender = conversation.meta && conversation.meta.sender
    var contactId = Number(contact.id || (sender && sender.id))
    var conversationId = Number(conversation.id)
    var agent = payload.data.currentAgent
    if (!contactId || !conversationId) return
    var changed = contactId !== state.contactId || conversationId !== state.conversationId
    state.contactId = contactId
    state.conversationId = conversationId
    state.agent = agent ? { id: agent.id || null, name: String(agent.name || ""), email: String(agent.email || "") } : null
    if (changed) {
      state.page = 1
      load()
    }
  }

  if (!secret) {
    message("error", "This app's link is incomplete. Ask an administrator to re-install the Medusa dashboard app.")
    return
  }
  window.addEventListener("message", onMessage)
  if (window.parent === window) {
    message("error", "Open this app from a conversation in Chatwoot.")
    return
  }
  message("loading", "Waiting for the conversation…")
  window.parent.postMessage("chatwoot-dashboard-app:fetch-info", "*")
}

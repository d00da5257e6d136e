import { Alert, Heading, Input, Switch, Text, toast } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { useCreateChatwootEmailInbox } from "../../hooks/use-account-mutations"
import { errorMessage } from "../../lib/format"
import type { AdminChatwootAccount, AdminCreateChatwootEmailInbox } from "../../lib/types"
import { isEmail } from "../../lib/validation"
import { Field } from "./field"
import { DrawerForm, FormDrawer } from "./form-drawer"
import { InlineSwitch } from "./switch-row"

type EmailInboxDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  account: AdminChatwootAccount
}

/** Adds an e-mail inbox to an account: forwarding-only, or with IMAP/SMTP. */
export const EmailInboxDrawer = ({ open, onOpenChange, account }: EmailInboxDrawerProps) => (
  <FormDrawer open={open} onOpenChange={onOpenChange} title="E-mail inbox">
    <EmailInboxForm account={account} onDone={() => onOpenChange(false)} />
  </FormDrawer>
)

type Server = { address: string; port: string; login: string; password: string }
const emptyServer = (port: string): Server => ({ address: "", port, login: "", password: "" })

function portError(port: string) {
  const n = Number(port)
  return Number.isInteger(n) && n > 0 && n < 65536 ? null : "A port between 1 and 65535"
}

const EmailInboxForm = ({ account, onDone }: { account: AdminChatwootAccount; onDone: () => void }) => {
  const create = useCreateChatwootEmailInbox(account.id)
  const existing = account.inboxes.filter((i) => i.kind === "email")
  const [email, setEmail] = useState("")
  const [name, setName] = useState("")
  const [useImap, setUseImap] = useState(false)
  const [imap, setImap] = useState<Server>(emptyServer("993"))
  const [imapSsl, setImapSsl] = useState(true)
  const [useSmtp, setUseSmtp] = useState(false)
  const [smtp, setSmtp] = useState<Server>(emptyServer("587"))
  const [smtpDomain, setSmtpDomain] = useState("")
  const [smtpStarttls, setSmtpStarttls] = useState(true)
  const [submitted, setSubmitted] = useState(false)

  const errors = {
    email: !isEmail(email.trim()) ? "Enter the inbox's e-mail address" : null,
    imap_address: useImap && !imap.address.trim() ? "Enter the IMAP server" : null,
    imap_port: useImap ? portError(imap.port) : null,
    imap_login: useImap && !imap.login.trim() ? "Enter the IMAP login" : null,
    imap_password: useImap && !imap.password ? "Enter the IMAP password" : null,
    smtp_address: useSmtp && !smtp.address.trim() ? "Enter the SMTP server" : null,
    smtp_port: useSmtp ? portError(smtp.port) : null,
    smtp_login: useSmtp && !smtp.login.trim() ? "Enter the SMTP login" : null,
    smtp_password: useSmtp && !smtp.password ? "Enter the SMTP password" : null,
  }
  const shown = (key: keyof typeof errors) => (submitted ? errors[key] : null)

  const onSubmit = () => {
    setSubmitted(true)
    if (Object.values(errors).some(Boolean)) {
      return
    }
    const body: AdminCreateChatwootEmailInbox = { email: email.trim(), ...(name.trim() ? { name: name.trim() } : {}) }
    if (useImap) {
      Object.assign(body, {
        imap_enabled: true,
        imap_address: imap.address.trim(),
        imap_port: Number(imap.port),
        imap_login: imap.login.trim(),
        imap_password: imap.password,
        imap_enable_ssl: imapSsl,
      })
    }
    if (useSmtp) {
      Object.assign(body, {
        smtp_enabled: true,
        smtp_address: smtp.address.trim(),
        smtp_port: Number(smtp.port),
        smtp_login: smtp.login.trim(),
        smtp_password: smtp.password,
        smtp_enable_starttls_auto: smtpStarttls,
        ...(smtpDomain.trim() ? { smtp_domain: smtpDomain.trim() } : {}),
      })
    }
    create.mutate(body, {
      onSuccess: () => {
        toast.success(
          existing.length ? `E-mail inbox of ${account.name} updated` : `E-mail inbox ${body.email} added to ${account.name}`
        )
        onDone()
      },
      onError: (error) => toast.error("Could not save the e-mail inbox", { description: errorMessage(error) }),
    })
  }

  const serverFields = (
    prefix: "imap" | "smtp",
    server: Server,
    set: (s: Server) => void
  ) => (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <Field id={`chatwoot-${prefix}-address`} label="Server" error={shown(`${prefix}_address`)}>
        <Input
          id={`chatwoot-${prefix}-address`}
          value={server.address}
          placeholder={prefix === "imap" ? "imap.example.com" : "smtp.example.com"}
          onChange={(e) => set({ ...server, address: e.target.value })}
        />
      </Field>
      <Field id={`chatwoot-${prefix}-port`} label="Port" error={shown(`${prefix}_port`)}>
        <Input
          id={`chatwoot-${prefix}-port`}
          inputMode="numeric"
          value={server.port}
          onChange={(e) => set({ ...server, port: e.target.value })}
        />
      </Field>
      <Field id={`chatwoot-${prefix}-login`} label="Login" error={shown(`${prefix}_login`)}>
        <Input
          id={`chatwoot-${prefix}-login`}
          autoComplete="off"
          value={server.login}
          onChange={(e) => set({ ...server, login: e.target.value })}
        />
      </Field>
      <Field id={`chatwoot-${prefix}-password`} label="Password" error={shown(`${prefix}_password`)}>
        <Input
          id={`chatwoot-${prefix}-password`}
          type="password"
          autoComplete="new-password"
          value={server.password}
          onChange={(e) => set({ ...server, password: e.target.value })}
        />
      </Field>
    </div>
  )

  return (
    <DrawerForm
      onSubmit={onSubmit}
      pending={create.isPending}
      submitLabel={existing.length ? "Save inbox" : "Add inbox"}
      error={create.error}
      intro={
        <>
          <Text size="small" className="text-ui-fg-subtle">
            Customers&apos; e-mails to this address become conversations in {account.name}. Without IMAP and SMTP the
            inbox is forwarding-only: forward the mailbox to the address Chatwoot shows for the inbox, and replies go
            out through Chatwoot&apos;s mail server.
          </Text>
          {existing.length > 0 && (
            <Alert variant="info" dismissible={false}>
              This account already has an e-mail inbox (
              {existing.map((i) => `#${i.chatwoot_inbox_id ?? "?"}`).join(", ")}); saving updates it.
            </Alert>
          )}
        </>
      }
    >
      <Field id="chatwoot-email-address" label="E-mail address" error={shown("email")}>
        <Input
          id="chatwoot-email-address"
          type="email"
          value={email}
          placeholder="support@example.com"
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field id="chatwoot-email-name" label="Inbox name" optional hint="Shown to agents in Chatwoot">
        <Input
          id="chatwoot-email-name"
          value={name}
          placeholder={`E-mail (${email.trim() || "support@example.com"})`}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>

      <ServerSection
        id="chatwoot-imap-enabled"
        title="Receive over IMAP"
        description="Chatwoot fetches new mail from your mailbox."
        enabled={useImap}
        onEnabledChange={setUseImap}
      >
        {serverFields("imap", imap, setImap)}
        <InlineSwitch id="chatwoot-imap-ssl" label="Use SSL/TLS" checked={imapSsl} onChange={setImapSsl} />
      </ServerSection>

      <ServerSection
        id="chatwoot-smtp-enabled"
        title="Send over SMTP"
        description="Replies leave through your own mail server."
        enabled={useSmtp}
        onEnabledChange={setUseSmtp}
      >
        {serverFields("smtp", smtp, setSmtp)}
        <Field id="chatwoot-smtp-domain" label="HELO domain" optional>
          <Input
            id="chatwoot-smtp-domain"
            value={smtpDomain}
            placeholder="example.com"
            onChange={(e) => setSmtpDomain(e.target.value)}
          />
        </Field>
        <InlineSwitch id="chatwoot-smtp-starttls" label="Use STARTTLS" checked={smtpStarttls} onChange={setSmtpStarttls} />
      </ServerSection>
    </DrawerForm>
  )
}

type ServerSectionProps = {
  id: string
  title: string
  description: string
  enabled: boolean
  onEnabledChange: (enabled: boolean) => void
  /** The server's fields, shown while it is enabled. */
  children: ReactNode
}

/** A mail server the inbox may use (IMAP in, SMTP out): a heading with its switch, then its fields. */
const ServerSection = ({ id, title, description, enabled, onEnabledChange, children }: ServerSectionProps) => (
  <section className="flex flex-col gap-y-4">
    <div className="flex items-center justify-between">
      <div>
        <Heading level="h3">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      <div className="shrink-0">
        <Switch id={id} checked={enabled} onCheckedChange={onEnabledChange} aria-label={title} />
      </div>
    </div>
    {enabled && children}
  </section>
)

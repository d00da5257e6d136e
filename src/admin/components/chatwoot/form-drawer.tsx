import { Alert, Button, Drawer, Text, clx } from "@medusajs/ui"
import type { FormEvent, ReactNode } from "react"
import { errorMessage } from "../../lib/format"

type FormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  /** data-testid of the drawer's content */
  testId?: string
  children: ReactNode
}

/** A side drawer with a title; its body is usually a `DrawerForm`. */
export const FormDrawer = ({ open, onOpenChange, title, testId, children }: FormDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content aria-describedby={undefined} data-testid={testId}>
      <Drawer.Header>
        <Drawer.Title>{title}</Drawer.Title>
      </Drawer.Header>
      {children}
    </Drawer.Content>
  </Drawer>
)

type DrawerFormProps = {
  onSubmit: () => void
  /** The save is running: both buttons wait. */
  pending: boolean
  submitLabel: ReactNode
  /** Disables the submit button (besides while pending). */
  submitDisabled?: boolean
  /** Shown above the fields, before the error. */
  intro?: ReactNode
  /** The last save's error, shown as an alert when set. */
  error?: unknown
  errorTestId?: string
  /** Vertical gap between the body's children (default gap-y-6). */
  gap?: "gap-y-6" | "gap-y-8"
  children: ReactNode
}

/** The form inside a `FormDrawer`: a scrolling body and a Cancel / submit footer. */
export const DrawerForm = ({
  onSubmit,
  pending,
  submitLabel,
  submitDisabled,
  intro,
  error,
  errorTestId,
  gap = "gap-y-6",
  children,
}: DrawerFormProps) => {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Body className={clx("flex flex-1 flex-col overflow-y-auto", gap)}>
        {intro}
        {error ? (
          <Alert variant="error" dismissible={false} data-testid={errorTestId}>
            {errorMessage(error)}
          </Alert>
        ) : null}
        {children}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" disabled={pending}>
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={pending} disabled={pending || submitDisabled}>
          {submitLabel}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

type DrawerQueryProps<T> = {
  query: {
    data: T | undefined
    isLoading: boolean
    isError: boolean
    isFetching: boolean
    error: unknown
    refetch: () => unknown
  }
  /** What is loading, e.g. "settings" ("Loading settings…", "Could not load the settings"). */
  what: string
  children: (data: T) => ReactNode
}

/** A drawer body that waits for its query: loading text, or the error with Try again, or `children(data)`. */
export const DrawerQuery = <T,>({ query, what, children }: DrawerQueryProps<T>) => {
  if (query.isLoading) {
    return (
      <Drawer.Body>
        <Text size="small" className="text-ui-fg-subtle">
          Loading {what}…
        </Text>
      </Drawer.Body>
    )
  }
  if (query.isError || !query.data) {
    return (
      <Drawer.Body className="flex flex-col gap-y-4">
        <Alert variant="error" dismissible={false}>
          Could not load the {what}: {errorMessage(query.error)}
        </Alert>
        <div>
          <Button size="small" variant="secondary" onClick={() => query.refetch()} isLoading={query.isFetching}>
            Try again
          </Button>
        </div>
      </Drawer.Body>
    )
  }
  return <>{children(query.data)}</>
}

import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionHeaderProps = {
  title: string
  description: ReactNode
  /** h1 on a page of its own, h2 for a section of the settings page */
  level?: "h1" | "h2"
  /** Buttons, filters or counts on the right */
  children?: ReactNode
}

/** The header row of a page section: title and description, with actions on the right. */
export const SectionHeader = ({ title, description, level = "h2", children }: SectionHeaderProps) => (
  <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
    <div>
      <Heading level={level}>{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children}
  </div>
)

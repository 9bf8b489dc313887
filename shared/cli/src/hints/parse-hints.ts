/** The three levels of a step's hints, in the order they are given. */
export const HINT_LEVELS = ['Nudge', 'Approach', 'Near-solution'] as const
export type HintLevel = (typeof HINT_LEVELS)[number]

export interface StepHints {
  /** 1-based step number, from the `## Step N` heading. */
  readonly step: number
  readonly title: string
  readonly levels: ReadonlyArray<{ readonly level: HintLevel; readonly text: string }>
}

const HEADING = /^##\s+Step\s+(\d+)\s*[·:—-]?\s*(.*)$/
// `- **Approach:**`, or with a qualifier, `- **Approach (SQL):**`: several bullets of one level
// (one per backend, say) make one level, shown together.
const BULLET = /^-\s+\*\*(Nudge|Approach|Near-solution)\s*(\([^)]*\))?:\*\*\s*(.*)$/

/**
 * Reads a kata's HINTS.md: a `## Step N · title` heading per step, then three bullets,
 * `- **Nudge:**`, `- **Approach:**`, `- **Near-solution:**`, each possibly over several lines.
 */
export function parseHints(markdown: string): StepHints[] {
  const steps: Array<{ step: number; title: string; levels: Array<{ level: HintLevel; text: string }> }> = []
  let current: (typeof steps)[number] | undefined
  let bullet: { level: HintLevel; text: string } | undefined
  for (const line of markdown.split('\n')) {
    const heading = HEADING.exec(line)
    if (heading) {
      current = { step: Number(heading[1]), title: (heading[2] ?? '').trim(), levels: [] }
      steps.push(current)
      bullet = undefined
      continue
    }
    if (line.startsWith('#')) {
      current = undefined
      bullet = undefined
      continue
    }
    const start = BULLET.exec(line)
    if (start && current) {
      const level = start[1] as HintLevel
      const text = `${start[2] ? `${start[2]} ` : ''}${(start[3] ?? '').trim()}`
      const previous = current.levels.at(-1)
      if (previous?.level === level) {
        previous.text += ` ${text}`
        bullet = previous
      } else {
        bullet = { level, text }
        current.levels.push(bullet)
      }
    } else if (bullet && /^\s+\S/.test(line)) {
      bullet.text += ` ${line.trim()}`
    } else if (line.trim() === '' || line.startsWith('-')) {
      bullet = undefined
    }
  }
  return steps
}

/** A CLI command: its name and help text (cheap to load), and what it does (imported on use). */
export interface Command {
  readonly name: string
  readonly usage: string
  readonly summary: string
  /** Imports the command's code; running it resolves to the process exit code. */
  load(): Promise<(args: readonly string[]) => Promise<number>>
}

/** A mistake on the command line: the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

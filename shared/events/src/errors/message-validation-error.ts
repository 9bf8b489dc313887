/** One problem found in a message: where (dotted path, `(root)` for the whole value) and what. */
export interface ValidationIssue {
  readonly path: string
  readonly reason: string
}

export const ROOT_PATH = '(root)'

/**
 * The only error that parsing, factories and transport mappings throw for bad messages.
 * `path` and `reason` describe the first issue; `issues` lists all that were found.
 */
export class MessageValidationError extends Error {
  override readonly name = 'MessageValidationError'
  readonly path: string
  readonly reason: string
  readonly issues: ReadonlyArray<ValidationIssue>
  /** What was being validated, e.g. `event`, `command`, `Kafka message`. */
  readonly subject: string

  constructor(issues: ReadonlyArray<ValidationIssue>, subject = 'message') {
    const all = issues.length > 0 ? issues : [{ path: ROOT_PATH, reason: 'is invalid' }]
    const first = all[0]!
    const more = all.length > 1 ? ` (and ${all.length - 1} more issue${all.length > 2 ? 's' : ''})` : ''
    super(`Invalid ${subject} at ${first.path}: ${first.reason}${more}`)
    this.path = first.path
    this.reason = first.reason
    this.issues = Object.freeze(all.map((issue) => Object.freeze({ path: issue.path, reason: issue.reason })))
    this.subject = subject
  }

  /** Shorthand for an error with a single issue. */
  static at(path: string, reason: string, subject?: string): MessageValidationError {
    return new MessageValidationError([{ path, reason }], subject)
  }
}

/** One problem in a message: where (a dotted path such as `data.items.0.sku`, or `(root)`) and what. */
export interface ValidationIssue {
  readonly path: string
  readonly reason: string
}

/** The path of the whole value. */
export const ROOT = '(root)'

/**
 * The one error that building or validating a message throws for bad input. `path` and `reason`
 * describe the first problem, `issues` every problem found (at most one per envelope field).
 */
export class EnvelopeValidationError extends Error {
  override readonly name = 'EnvelopeValidationError'
  readonly path: string
  readonly reason: string
  readonly issues: readonly ValidationIssue[]

  constructor(issues: readonly ValidationIssue[]) {
    const all = issues.length > 0 ? issues : [{ path: ROOT, reason: 'is invalid' }]
    const first = all[0]!
    const more = all.length > 1 ? ` (and ${all.length - 1} more)` : ''
    super(`invalid message at ${first.path}: ${first.reason}${more}`)
    this.path = first.path
    this.reason = first.reason
    this.issues = all
  }

  static at(path: string, reason: string): EnvelopeValidationError {
    return new EnvelopeValidationError([{ path, reason }])
  }
}

/** One checked promise: a spec test green on the reference, red on the stub, or a mutant caught. */
export interface CheckItem {
  readonly check: 'green' | 'red' | 'mutant' | 'static'
  readonly subject: string
  readonly ok: boolean
  /** Why it failed, or which test caught a mutant. */
  readonly detail?: string
}

/** What `kata verify` writes to `solutions/<kata>/.kata-check/result.json` for `kata check` to count. */
export interface VerifyResult {
  readonly kata: string
  readonly stubSource: string
  readonly items: readonly CheckItem[]
  /** Set when the kata could not run here (a missing service outside CI). */
  readonly skipped?: string
  /** Steps left out because their service is missing here (outside CI), with the reason. */
  readonly skippedSteps?: readonly string[]
}

export const countItems = (items: readonly CheckItem[]) => ({
  passed: items.filter((i) => i.ok).length,
  failed: items.filter((i) => !i.ok).length,
})

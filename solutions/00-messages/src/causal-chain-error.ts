/**
 * What stops a causal chain from being built:
 * - `unknown-message`: the message asked for is not in the set;
 * - `missing-cause`: a message's `causationId` names a message that is not in the set;
 * - `cycle`: following the causes comes back to a message already visited;
 * - `duplicate-id`: two messages in the set share an id (deduplicate deliveries first).
 */
export type CausalChainProblem = 'unknown-message' | 'missing-cause' | 'cycle' | 'duplicate-id'

export class CausalChainError extends Error {
  override readonly name = 'CausalChainError'
  constructor(
    readonly problem: CausalChainProblem,
    /** The message where the problem shows: the one asked for, the orphan, or the repeated id. */
    readonly messageId: string,
    /** The missing cause; or the messages of the cycle, each caused by the next, the last by the first. */
    readonly ids: readonly string[] = [],
  ) {
    super(CausalChainError.describe(problem, messageId, ids))
  }

  private static describe(problem: CausalChainProblem, messageId: string, ids: readonly string[]): string {
    switch (problem) {
      case 'unknown-message':
        return `no message with id "${messageId}" in the set`
      case 'missing-cause':
        return `message "${messageId}" was caused by "${ids[0]}", which is not in the set`
      case 'cycle':
        return `the causes of "${messageId}" form a cycle: ${[...ids, ids[0]].join(' ← ')} (← reads "caused by")`
      case 'duplicate-id':
        return `two messages share the id "${messageId}"`
    }
  }
}

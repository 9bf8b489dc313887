import { NotImplementedError } from '@eda/testkit'
import type { Causation, Message } from './types.ts'

/**
 * Step 3. The links of a message caused by `cause`: the same correlationId (one business flow),
 * and causationId = the cause's own id (its `eventId`, `commandId` or `queryId`).
 */
export function causedBy(cause: Message): Causation {
  void cause
  throw new NotImplementedError('causedBy', 'link a new message to the message that caused it')
}

/**
 * Step 3. The messages that led to `messageId`, root first, following `causationId` links.
 * Throw `CausalChainError` when the id is unknown, a cause is missing, the causes form a cycle
 * or two messages share an id.
 */
export function causalChain(messages: readonly Message[], messageId: string): Message[] {
  void messages
  throw new NotImplementedError('causalChain', `walk the causes of "${messageId}" back to the root`)
}

import { CausalChainError } from '../../src/causal-chain-error.ts'
import type { Causation, Message } from '../../src/types.ts'

function idOf(message: Message): string {
  if ('eventId' in message) return message.eventId
  if ('commandId' in message) return message.commandId
  return message.queryId
}

/** Same flow as the cause (its correlationId), and the cause itself as the direct parent. */
export function causedBy(cause: Message): Causation {
  return { correlationId: cause.correlationId, causationId: cause.correlationId }
}

/**
 * The messages that led to `messageId`, root first, following causationId links through an index
 * (a loop, not recursion: a flow may be thousands of messages long).
 */
export function causalChain(messages: readonly Message[], messageId: string): Message[] {
  const byId = new Map<string, Message>()
  for (const message of messages) {
    const id = idOf(message)
    if (byId.has(id)) throw new CausalChainError('duplicate-id', id)
    byId.set(id, message)
  }
  let current = byId.get(messageId)
  if (current === undefined) throw new CausalChainError('unknown-message', messageId)
  const chain: Message[] = [current]
  const position = new Map([[messageId, 0]])
  while (current.causationId !== null) {
    const causeId: string = current.causationId
    const seenAt = position.get(causeId)
    if (seenAt !== undefined) throw new CausalChainError('cycle', messageId, chain.slice(seenAt).map(idOf))
    const cause = byId.get(causeId)
    if (cause === undefined) throw new CausalChainError('missing-cause', idOf(current), [causeId])
    position.set(causeId, chain.length)
    chain.push(cause)
    current = cause
  }
  return chain.reverse()
}

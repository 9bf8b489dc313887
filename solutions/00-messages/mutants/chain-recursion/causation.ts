import { CausalChainError } from '../../src/causal-chain-error.ts'
import type { Causation, Message } from '../../src/types.ts'

function idOf(message: Message): string {
  if ('eventId' in message) return message.eventId
  if ('commandId' in message) return message.commandId
  return message.queryId
}

export function causedBy(cause: Message): Causation {
  return { correlationId: cause.correlationId, causationId: idOf(cause) }
}

export function causalChain(messages: readonly Message[], messageId: string): Message[] {
  const byId = new Map<string, Message>()
  for (const message of messages) {
    const id = idOf(message)
    if (byId.has(id)) throw new CausalChainError('duplicate-id', id)
    byId.set(id, message)
  }
  const start = byId.get(messageId)
  if (start === undefined) throw new CausalChainError('unknown-message', messageId)
  const chain: Message[] = []
  const visited: string[] = [messageId]
  const seen = new Set(visited)
  const walk = (message: Message): void => {
    if (message.causationId !== null) {
      if (seen.has(message.causationId))
        throw new CausalChainError('cycle', messageId, visited.slice(visited.indexOf(message.causationId)))
      const cause = byId.get(message.causationId)
      if (cause === undefined)
        throw new CausalChainError('missing-cause', idOf(message), [message.causationId])
      visited.push(message.causationId)
      seen.add(message.causationId)
      walk(cause)
    }
    chain.push(message)
  }
  walk(start)
  return chain
}

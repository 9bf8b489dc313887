import type { Command } from './command.ts'
import type { EventEnvelope } from './event-envelope.ts'
import type { Query } from './query.ts'

export type Message = EventEnvelope | Command | Query

export type MessageKind = 'event' | 'command' | 'query'

export function messageKindOf(message: Message): MessageKind {
  if ('eventType' in message) return 'event'
  if ('commandType' in message) return 'command'
  return 'query'
}

/** The id of any message, whatever its kind: what a reply or a caused event points back to. */
export function messageIdOf(message: Message): string {
  if ('eventType' in message) return message.eventId
  if ('commandType' in message) return message.commandId
  return message.queryId
}

import { type Command, type EventEnvelope, parseCommand, parseEvent } from '@eda/events'
import type { Options } from 'amqplib'
import type { OutgoingMessage } from './messages.ts'

/** Routing keys on the rides exchange: `command.AssignDriver`, `event.DriverAssigned`. */
export const routingKeyOf = (outgoing: OutgoingMessage): string =>
  outgoing.kind === 'command'
    ? `command.${outgoing.message.commandType}`
    : `event.${outgoing.message.eventType}`

/** The body and properties of a message on the wire: the whole envelope as JSON. */
export function encode(outgoing: OutgoingMessage): { content: Buffer; options: Options.Publish } {
  const id = outgoing.kind === 'command' ? outgoing.message.commandId : outgoing.message.eventId
  const type = outgoing.kind === 'command' ? outgoing.message.commandType : outgoing.message.eventType
  return {
    content: Buffer.from(JSON.stringify(outgoing.message)),
    options: {
      messageId: id,
      type,
      correlationId: outgoing.message.correlationId,
      contentType: 'application/json',
      persistent: true,
      headers: { 'x-kind': outgoing.kind },
    },
  }
}

/** Reads an event from a message body; throws MessageValidationError on anything else. */
export const decodeEvent = (content: Buffer): EventEnvelope =>
  parseEvent(JSON.parse(content.toString('utf8')))

export const decodeCommand = (content: Buffer): Command => parseCommand(JSON.parse(content.toString('utf8')))

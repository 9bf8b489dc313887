import { MessageValidationError, ROOT_PATH } from '../errors/message-validation-error.ts'
import { describeError } from '../json/describe.ts'
import type { EventEnvelope } from '../messages/event-envelope.ts'
import { guard } from './guard.ts'
import { type ParseEventOptions, parseEvent } from './parse-event.ts'
import type { EventOfSchemas, EventSchema } from './payload-schemas.ts'

/** `JSON.parse` that reports bad text as a MessageValidationError at `path`. */
export function parseJsonText(text: unknown, path: string, subject: string): unknown {
  if (typeof text !== 'string') {
    throw MessageValidationError.at(path, `must be JSON text, received ${typeof text}`, subject)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw MessageValidationError.at(path, `is not valid JSON: ${describeError(error)}`, subject)
  }
}

/** Parses the JSON text of an event envelope (a Kafka value, a file line, an HTTP body). */
export function parseEventJson(text: string): EventEnvelope
export function parseEventJson<const S extends ReadonlyArray<EventSchema>>(
  text: string,
  options: ParseEventOptions<S>,
): EventOfSchemas<S>
export function parseEventJson(text: string, options?: ParseEventOptions): EventEnvelope {
  return guard('event', () => {
    const json = parseJsonText(text, ROOT_PATH, 'event')
    return options === undefined ? parseEvent(json) : parseEvent(json, options)
  })
}

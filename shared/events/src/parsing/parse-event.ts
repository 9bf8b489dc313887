import { MessageValidationError } from '../errors/message-validation-error.ts'
import { preview } from '../json/describe.ts'
import type { EventEnvelope } from '../messages/event-envelope.ts'
import { eventEnvelopeSchema } from '../validation/envelope-schemas.ts'
import { guard } from './guard.ts'
import { parseFields, parsePayload } from './parse-fields.ts'
import type { EventOfSchemas, EventSchema } from './payload-schemas.ts'

export interface ParseEventOptions<S extends ReadonlyArray<EventSchema> = ReadonlyArray<EventSchema>> {
  /** `data` schemas by type and version; `data` is replaced by the schema's output. */
  readonly schemas: S
  /** An event type with no schema at all: `reject` (default) is an error, `accept` keeps it as JSON. */
  readonly unknownTypes?: 'reject' | 'accept'
}

const SUBJECT = 'event'

/**
 * Validates anything as an event envelope and returns a fresh copy: only the envelope fields,
 * `version` normalised to a number, `causationId` null and `metadata` {} when left out.
 * Throws MessageValidationError, and nothing else, when the input is not a valid event.
 */
export function parseEvent(input: unknown): EventEnvelope
export function parseEvent(
  input: unknown,
  options: ParseEventOptions & { readonly unknownTypes: 'accept' },
): EventEnvelope
export function parseEvent<const S extends ReadonlyArray<EventSchema>>(
  input: unknown,
  options: ParseEventOptions<S>,
): EventOfSchemas<S>
export function parseEvent(input: unknown, options?: ParseEventOptions): EventEnvelope {
  return guard(SUBJECT, () => {
    const envelope: EventEnvelope = parseFields(input, eventEnvelopeSchema, SUBJECT)
    if (options === undefined) return envelope
    const { eventType, version } = envelope
    const schema = options.schemas.find((s) => s.eventType === eventType && s.version === version)
    if (schema !== undefined) {
      return { ...envelope, data: parsePayload(envelope.data, schema.data, 'data', SUBJECT) }
    }
    const versions = options.schemas.filter((s) => s.eventType === eventType).map((s) => s.version)
    if (versions.length > 0) {
      const known = versions.sort((a, b) => a - b).join(', ')
      throw MessageValidationError.at(
        'version',
        `${eventType} has no schema for version ${version} (known: ${known})`,
        SUBJECT,
      )
    }
    if (options.unknownTypes === 'accept') return envelope
    const known = [...new Set(options.schemas.map((s) => s.eventType))].join(', ')
    throw MessageValidationError.at(
      'eventType',
      `${preview(eventType)} is not a known event type (known: ${known})`,
      SUBJECT,
    )
  })
}

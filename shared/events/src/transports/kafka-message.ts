import { MessageValidationError, type ValidationIssue } from '../errors/message-validation-error.ts'
import { preview } from '../json/describe.ts'
import type { EventEnvelope } from '../messages/event-envelope.ts'
import { guard } from '../parsing/guard.ts'
import { parseEvent } from '../parsing/parse-event.ts'
import { parseJsonText } from '../parsing/parse-event-json.ts'
import { normaliseVersion } from '../validation/version.ts'
import { underPrefix, withRemappedIssues } from './remap-issues.ts'
import { decodeText, isJsonContentType, ownValue, requireObject } from './transport-values.ts'

/** Header names; the value (the full envelope) is the truth, headers are for routing and tooling. */
export const KAFKA_HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  version: 'event-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  contentType: 'content-type',
} as const

/** What to hand a producer (kafkajs `Message` accepts it as is). */
export interface KafkaMessage {
  readonly key: string | null
  /** The full envelope as JSON. */
  readonly value: string
  readonly headers: Readonly<Record<string, string>>
}

export type KafkaHeaderValue = Buffer | string | ReadonlyArray<Buffer | string> | undefined

/** What a consumer receives (kafkajs `KafkaMessage` fits this shape). */
export interface IncomingKafkaMessage {
  readonly key?: Buffer | string | null
  readonly value: Buffer | string | null
  readonly headers?: Readonly<Record<string, KafkaHeaderValue>>
}

export interface ToKafkaOptions {
  /** Partition key: events with the same key keep their order (e.g. the orderId). Default: none. */
  readonly key?: string
}

const SUBJECT = 'Kafka message'

/** The event as a Kafka record: envelope JSON as the value, the routing facts copied into headers. */
export function toKafkaMessage(event: EventEnvelope, options: ToKafkaOptions = {}): KafkaMessage {
  return guard(SUBJECT, () => {
    const valid = parseEvent(event)
    const key = options.key ?? null
    if (key !== null && typeof key !== 'string') {
      throw MessageValidationError.at('key', 'must be a string', SUBJECT)
    }
    const headers: Record<string, string> = {
      [KAFKA_HEADERS.eventId]: valid.eventId,
      [KAFKA_HEADERS.eventType]: valid.eventType,
      [KAFKA_HEADERS.version]: String(valid.version),
      [KAFKA_HEADERS.correlationId]: valid.correlationId,
    }
    if (valid.causationId !== null) headers[KAFKA_HEADERS.causationId] = valid.causationId
    headers[KAFKA_HEADERS.contentType] = 'application/json'
    return { key, value: JSON.stringify(valid), headers }
  })
}

/**
 * Reads an event from a consumed Kafka record. The value must be a valid envelope; a header
 * that contradicts it is an error at `headers.<name>` (a producer bug worth surfacing).
 */
export function fromKafkaMessage(message: IncomingKafkaMessage): EventEnvelope {
  return guard(SUBJECT, () => {
    requireObject(message, '(root)', SUBJECT)
    const rawValue = ownValue(message, 'value', 'value', SUBJECT)
    if (rawValue === null || rawValue === undefined) {
      throw MessageValidationError.at('value', 'is empty (a tombstone carries no event)', SUBJECT)
    }
    const text = decodeText(rawValue, 'value', SUBJECT)
    const json = parseJsonText(text, 'value', SUBJECT)
    const event = withRemappedIssues(() => parseEvent(json), underPrefix('value'), SUBJECT)
    checkHeaders(ownValue(message, 'headers', 'headers', SUBJECT), event)
    return event
  })
}

function checkHeaders(rawHeaders: unknown, event: EventEnvelope): void {
  if (rawHeaders === undefined || rawHeaders === null) return
  const headers = requireObject(rawHeaders, 'headers', SUBJECT)
  const issues: ValidationIssue[] = []
  const header = (name: string): string | undefined => readHeader(headers, name)

  const expectSame = (name: string, actual: string | null, label: string) => {
    const value = header(name)
    if (value === undefined) return
    if (actual === null) {
      issues.push({ path: `headers.${name}`, reason: `is ${preview(value)} but the value has no ${label}` })
    } else if (value !== actual) {
      issues.push({
        path: `headers.${name}`,
        reason: `is ${preview(value)} but the value's ${label} is ${preview(actual)}`,
      })
    }
  }
  expectSame(KAFKA_HEADERS.eventId, event.eventId, 'eventId')
  expectSame(KAFKA_HEADERS.eventType, event.eventType, 'eventType')
  expectSame(KAFKA_HEADERS.correlationId, event.correlationId, 'correlationId')
  expectSame(KAFKA_HEADERS.causationId, event.causationId, 'causationId')

  const version = header(KAFKA_HEADERS.version)
  if (version !== undefined && normaliseVersion(version) !== event.version) {
    issues.push({
      path: `headers.${KAFKA_HEADERS.version}`,
      reason: `is ${preview(version)} but the value's version is ${event.version}`,
    })
  }
  const contentType = header(KAFKA_HEADERS.contentType)
  if (contentType !== undefined && !isJsonContentType(contentType)) {
    issues.push({
      path: `headers.${KAFKA_HEADERS.contentType}`,
      reason: `is ${preview(contentType)}; expected application/json`,
    })
  }
  if (issues.length > 0) throw new MessageValidationError(issues, SUBJECT)
}

/** One header as text; repeated headers must agree. Absent or empty-array headers are `undefined`. */
function readHeader(headers: object, name: string): string | undefined {
  const path = `headers.${name}`
  const raw = ownValue(headers, name, path, SUBJECT)
  if (raw === undefined || raw === null) return undefined
  if (!Array.isArray(raw)) return decodeText(raw, path, SUBJECT)
  const values = [...new Set(Array.from(raw as unknown[], (item) => decodeText(item, path, SUBJECT)))]
  if (values.length > 1) {
    throw MessageValidationError.at(path, `is repeated with ${values.length} different values`, SUBJECT)
  }
  return values[0]
}

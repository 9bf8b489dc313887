import { MessageValidationError } from '../errors/message-validation-error.ts'
import { preview } from '../json/describe.ts'
import type { EventEnvelope } from '../messages/event-envelope.ts'
import { guard } from '../parsing/guard.ts'
import { parseEvent } from '../parsing/parse-event.ts'
import { parseJsonText } from '../parsing/parse-event-json.ts'
import { epochMillisOf } from '../validation/timestamp.ts'
import { renameFields, withRemappedIssues } from './remap-issues.ts'
import { decodeText, isJsonContentType, ownValue, requireObject } from './transport-values.ts'

/** Our headers: AMQP has properties for id, type, correlation and time, but not for these. */
export const AMQP_HEADERS = {
  version: 'x-event-version',
  /** The exact timestamp: the `timestamp` property only holds whole seconds. */
  timestamp: 'x-event-timestamp',
  causationId: 'x-causation-id',
  metadata: 'x-metadata',
} as const

export interface AmqpEventHeaders {
  readonly 'x-event-version': number
  readonly 'x-event-timestamp': string
  readonly 'x-causation-id'?: string
  /** The metadata object as JSON text. */
  readonly 'x-metadata': string
}

/** amqplib's `Options.Publish` subset we set; pass it as `channel.publish(exchange, key, content, options)`. */
export interface AmqpPublishOptions {
  readonly messageId: string
  readonly type: string
  readonly correlationId: string
  /** Unix seconds; left out for instants before 1970, which AMQP's unsigned timestamp cannot hold. */
  readonly timestamp?: number
  readonly contentType: 'application/json'
  readonly headers: AmqpEventHeaders
}

export interface AmqpMessage {
  /** The event's `data` as JSON. */
  readonly content: Buffer
  readonly options: AmqpPublishOptions
}

/** The properties we read; amqplib's `ConsumeMessage['properties']` fits this shape. */
export interface AmqpMessageProperties {
  readonly messageId?: unknown
  readonly type?: unknown
  readonly correlationId?: unknown
  readonly timestamp?: unknown
  readonly contentType?: unknown
  readonly headers?: Readonly<Record<string, unknown>> | undefined
}

export interface IncomingAmqpMessage {
  readonly content: Buffer | Uint8Array
  readonly properties: AmqpMessageProperties
}

const SUBJECT = 'AMQP message'

const PATHS = {
  eventId: 'properties.messageId',
  eventType: 'properties.type',
  correlationId: 'properties.correlationId',
  version: `properties.headers.${AMQP_HEADERS.version}`,
  timestamp: `properties.headers.${AMQP_HEADERS.timestamp}`,
  causationId: `properties.headers.${AMQP_HEADERS.causationId}`,
  metadata: `properties.headers.${AMQP_HEADERS.metadata}`,
  data: 'content',
} as const

/** The event as an AMQP message: `data` as the body, the envelope in properties and headers. */
export function toAmqpMessage(event: EventEnvelope): AmqpMessage {
  return guard(SUBJECT, () => {
    const valid = parseEvent(event)
    const seconds = Math.floor(epochMillisOf(valid.timestamp) / 1000)
    const headers: AmqpEventHeaders = {
      [AMQP_HEADERS.version]: valid.version,
      [AMQP_HEADERS.timestamp]: valid.timestamp,
      ...(valid.causationId === null ? {} : { [AMQP_HEADERS.causationId]: valid.causationId }),
      [AMQP_HEADERS.metadata]: JSON.stringify(valid.metadata),
    }
    return {
      content: Buffer.from(JSON.stringify(valid.data), 'utf8'),
      options: {
        messageId: valid.eventId,
        type: valid.eventType,
        correlationId: valid.correlationId,
        ...(seconds >= 0 ? { timestamp: seconds } : {}),
        contentType: 'application/json',
        headers,
      },
    }
  })
}

/**
 * Reads an event from a consumed AMQP message. Errors name the AMQP place at fault:
 * `properties.messageId`, `properties.headers.x-event-version`, `content.orderId`...
 */
export function fromAmqpMessage(message: IncomingAmqpMessage): EventEnvelope {
  return guard(SUBJECT, () => {
    requireObject(message, '(root)', SUBJECT)
    const properties = requireObject(
      ownValue(message, 'properties', 'properties', SUBJECT),
      'properties',
      SUBJECT,
    )
    const property = (name: string) => ownValue(properties, name, `properties.${name}`, SUBJECT)
    const rawHeaders = property('headers')
    const headers =
      rawHeaders === undefined || rawHeaders === null
        ? {}
        : requireObject(rawHeaders, 'properties.headers', SUBJECT)
    const header = (name: string) => {
      const value = ownValue(headers, name, `properties.headers.${name}`, SUBJECT)
      // amqplib gives strings for long strings, Buffers for byte arrays.
      return value instanceof Uint8Array ? decodeText(value, `properties.headers.${name}`, SUBJECT) : value
    }

    const contentType = property('contentType')
    if (contentType !== undefined && contentType !== null) {
      if (typeof contentType !== 'string' || !isJsonContentType(contentType)) {
        const shown = typeof contentType === 'string' ? preview(contentType) : typeof contentType
        throw MessageValidationError.at(
          'properties.contentType',
          `is ${shown}; expected application/json`,
          SUBJECT,
        )
      }
    }
    const content = decodeText(ownValue(message, 'content', 'content', SUBJECT), 'content', SUBJECT)
    const data = parseJsonText(content, 'content', SUBJECT)
    const rawMetadata = header(AMQP_HEADERS.metadata)
    const metadata =
      rawMetadata === undefined || rawMetadata === null
        ? {}
        : parseJsonText(rawMetadata, PATHS.metadata, SUBJECT)
    const timestamp = timestampOf(header(AMQP_HEADERS.timestamp), property('timestamp'))

    const event = withRemappedIssues(
      () =>
        parseEvent({
          eventId: property('messageId'),
          eventType: property('type'),
          version: header(AMQP_HEADERS.version),
          timestamp,
          correlationId: property('correlationId'),
          causationId: header(AMQP_HEADERS.causationId) ?? null,
          data,
          metadata,
        }),
      renameFields(PATHS),
      SUBJECT,
    )
    checkSeconds(event.timestamp, property('timestamp'))
    return event
  })
}

/** The exact header wins; without it, the whole-second property is the best we have. */
function timestampOf(header: unknown, seconds: unknown): unknown {
  if (header !== undefined && header !== null) return header
  if (typeof seconds === 'number' && Number.isSafeInteger(seconds)) {
    const date = new Date(seconds * 1000)
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
  }
  return undefined
}

/** The `timestamp` property, when present, must agree with the exact timestamp. */
function checkSeconds(timestamp: string, seconds: unknown): void {
  if (seconds === undefined || seconds === null) return
  const expected = Math.floor(epochMillisOf(timestamp) / 1000)
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds)) {
    throw MessageValidationError.at('properties.timestamp', 'must be whole unix seconds', SUBJECT)
  }
  if (seconds !== expected) {
    throw MessageValidationError.at(
      'properties.timestamp',
      `is ${seconds} but ${AMQP_HEADERS.timestamp} says ${timestamp} (${expected})`,
      SUBJECT,
    )
  }
}

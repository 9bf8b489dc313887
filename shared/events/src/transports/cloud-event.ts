import { MessageValidationError, type ValidationIssue } from '../errors/message-validation-error.ts'
import { kindOf, preview } from '../json/describe.ts'
import type { EventEnvelope } from '../messages/event-envelope.ts'
import { guard } from '../parsing/guard.ts'
import { parseEvent } from '../parsing/parse-event.ts'
import { parseJsonText } from '../parsing/parse-event-json.ts'
import { utcTimestampFromRfc3339 } from '../validation/timestamp.ts'
import { renameFields, withRemappedIssues } from './remap-issues.ts'
import { isJsonContentType, ownValue, requireObject } from './transport-values.ts'

/** The media type of a structured-mode CloudEvent (HTTP `Content-Type`, Kafka `content-type`). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json'

/** CloudEvents attribute names: lower-case a–z and 0–9, at most 20 characters (spec "Naming Conventions"). */
const ATTRIBUTE_NAME = /^[a-z0-9]{1,20}$/

/** Core attributes and the extensions this mapping writes itself; callers may not set these. */
const RESERVED = new Set([
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'dataschema',
  'data',
  'data_base64',
  'correlationid',
  'causationid',
  'eventversion',
  'metadata',
])

export type CloudEventExtensionValue = string | number | boolean

/** A CloudEvents 1.0 event in structured JSON form, as `toCloudEvent` writes it. */
export interface CloudEvent<TData = unknown> {
  readonly specversion: '1.0'
  readonly id: string
  readonly source: string
  readonly type: string
  readonly subject?: string
  readonly time: string
  readonly datacontenttype: 'application/json'
  readonly data: TData
  /** Extension (extensions/correlation.md); `correlationId` is not a legal attribute name. */
  readonly correlationid: string
  /** Left out when the event starts a chain. */
  readonly causationid?: string
  /** Our schema version; CloudEvents has no core attribute for it. */
  readonly eventversion: number
  /** Our metadata as JSON text (extension values cannot be objects); left out when empty. */
  readonly metadata?: string
  readonly [extension: string]: unknown
}

export interface ToCloudEventOptions {
  /** Required by CloudEvents: a non-empty URI-reference naming the producer, e.g. `/rides`. */
  readonly source: string
  /** Optional: what the event is about inside the source, e.g. the stream or aggregate id. */
  readonly subject?: string
  /** More extension attributes; names must be lower-case a–z0–9, at most 20 characters. */
  readonly extensions?: Readonly<Record<string, CloudEventExtensionValue>>
}

const SUBJECT = 'CloudEvent'

/** Where each envelope field lives in a CloudEvent, for error paths. */
const PATHS = {
  eventId: 'id',
  eventType: 'type',
  version: 'eventversion',
  timestamp: 'time',
  correlationId: 'correlationid',
  causationId: 'causationid',
} as const

function hasSpaceOrControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code <= 0x20 || code === 0x7f) return true
  }
  return /\s/.test(value)
}

function checkNonEmpty(value: unknown, path: string, what: string): ValidationIssue | undefined {
  if (value === undefined || value === null) return { path, reason: `is required (${what})` }
  if (typeof value !== 'string') return { path, reason: `must be a string, received ${kindOf(value)}` }
  if (value === '') return { path, reason: 'must not be empty' }
  // A URI-reference has no whitespace or control characters.
  if (path === 'source' && hasSpaceOrControl(value)) {
    return { path, reason: 'must be a URI-reference (no spaces or control characters)' }
  }
  return undefined
}

/** The event as a CloudEvents 1.0 structured JSON object (`JSON.stringify` it for the wire). */
export function toCloudEvent(event: EventEnvelope, options: ToCloudEventOptions): CloudEvent {
  return guard(SUBJECT, () => {
    const valid = parseEvent(event)
    const given = requireObject(options, 'options', SUBJECT) as Partial<ToCloudEventOptions>
    const issues: ValidationIssue[] = []
    const sourceIssue = checkNonEmpty(given.source, 'source', 'CloudEvents needs a source')
    if (sourceIssue) issues.push(sourceIssue)
    if (given.subject !== undefined) {
      const subjectIssue = checkNonEmpty(given.subject, 'subject', 'or left out')
      if (subjectIssue) issues.push(subjectIssue)
    }
    const extensions = checkExtensions(given.extensions, issues)
    if (issues.length > 0) throw new MessageValidationError(issues, SUBJECT)

    const metadata = Object.keys(valid.metadata).length > 0 ? JSON.stringify(valid.metadata) : undefined
    return {
      specversion: '1.0',
      id: valid.eventId,
      source: given.source as string,
      type: valid.eventType,
      ...(given.subject === undefined ? {} : { subject: given.subject }),
      time: valid.timestamp,
      datacontenttype: 'application/json',
      data: valid.data,
      correlationid: valid.correlationId,
      ...(valid.causationId === null ? {} : { causationid: valid.causationId }),
      eventversion: valid.version,
      ...(metadata === undefined ? {} : { metadata }),
      ...extensions,
    }
  })
}

function checkExtensions(raw: unknown, issues: ValidationIssue[]): Record<string, CloudEventExtensionValue> {
  if (raw === undefined) return {}
  const extensions = requireObject(raw, 'extensions', SUBJECT)
  const out: Record<string, CloudEventExtensionValue> = {}
  for (const name of Object.keys(extensions)) {
    const path = `extensions.${name}`
    const value = ownValue(extensions, name, path, SUBJECT)
    if (!ATTRIBUTE_NAME.test(name)) {
      issues.push({
        path,
        reason: 'is not a legal attribute name (lower-case a–z and 0–9, at most 20 characters)',
      })
    } else if (RESERVED.has(name)) {
      issues.push({ path, reason: 'is an attribute this mapping sets itself' })
    } else if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31)
    ) {
      out[name] = value
    } else {
      issues.push({ path, reason: 'must be a string, a boolean or a 32-bit integer' })
    }
  }
  return out
}

/**
 * Reads an envelope from a CloudEvents 1.0 structured JSON object. `time` may carry any RFC 3339
 * offset (it is converted to UTC); binary `data_base64` is not supported; unknown extensions are
 * ignored. Errors are named by CloudEvents attribute (`id`, `time`, `data.orderId`...).
 */
export function fromCloudEvent(input: unknown): EventEnvelope {
  return guard(SUBJECT, () => {
    const cloudEvent = requireObject(input, '(root)', SUBJECT)
    const attribute = (name: string) => {
      const value = ownValue(cloudEvent, name, name, SUBJECT)
      // In CloudEvents JSON a null attribute is the same as an absent one.
      return value === null ? undefined : value
    }
    const issues: ValidationIssue[] = []
    const specversion = attribute('specversion')
    if (specversion !== '1.0') {
      issues.push({
        path: 'specversion',
        reason:
          specversion === undefined
            ? 'is required ("1.0")'
            : `must be "1.0", received ${describe(specversion)}`,
      })
    }
    const sourceIssue = checkNonEmpty(attribute('source'), 'source', 'every CloudEvent has a source')
    if (sourceIssue) issues.push(sourceIssue)
    const contentType = attribute('datacontenttype')
    if (contentType !== undefined && (typeof contentType !== 'string' || !isJsonContentType(contentType))) {
      issues.push({
        path: 'datacontenttype',
        reason: `is ${describe(contentType)}; expected application/json`,
      })
    }
    if (attribute('data_base64') !== undefined) {
      issues.push({ path: 'data_base64', reason: 'binary data is not supported; events carry JSON data' })
    }
    const time = attribute('time')
    let timestamp: unknown = time
    if (typeof time === 'string') {
      const utc = utcTimestampFromRfc3339(time)
      if (utc === undefined) issues.push({ path: 'time', reason: 'must be a real RFC 3339 timestamp' })
      timestamp = utc
    }
    const rawMetadata = attribute('metadata')
    let metadata: unknown = {}
    if (rawMetadata !== undefined) {
      try {
        metadata = parseJsonText(rawMetadata, 'metadata', SUBJECT)
      } catch (error) {
        if (!(error instanceof MessageValidationError)) throw error
        issues.push(...error.issues)
      }
    }
    if (issues.length > 0) throw new MessageValidationError(issues, SUBJECT)

    const data = attribute('data')
    return withRemappedIssues(
      () =>
        parseEvent({
          eventId: attribute('id'),
          eventType: attribute('type'),
          version: attribute('eventversion'),
          timestamp,
          correlationId: attribute('correlationid'),
          causationId: attribute('causationid') ?? null,
          // A CloudEvent may have no data; the envelope then carries null.
          data: data === undefined ? null : data,
          metadata,
        }),
      renameFields(PATHS),
      SUBJECT,
    )
  })
}

function describe(value: unknown): string {
  return typeof value === 'string' ? preview(value) : kindOf(value)
}

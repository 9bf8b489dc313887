import {
  type EventEnvelope,
  MessageValidationError,
  parseEvent,
  ROOT_PATH,
  type ValidationIssue,
} from '@eda/events'
import { ANY, type ExpectedVersion, NO_STREAM, STREAM_EXISTS } from './expected-version.ts'
import { InvalidArgumentError } from './invalid-argument-error.ts'
import type { ReadAllOptions, ReadStreamOptions, SubscribeOptions } from './types.ts'

// Every check here runs before any I/O, on both stores, so bad input fails the same way everywhere.

const NUL = '\u0000'

export function validateStreamId(streamId: unknown, argument = 'streamId'): string {
  if (typeof streamId !== 'string')
    throw new InvalidArgumentError(argument, `must be a string (got ${kind(streamId)})`)
  if (streamId.trim() === '') throw new InvalidArgumentError(argument, 'must not be empty or blank')
  // PostgreSQL text cannot hold U+0000; refuse it everywhere so both stores agree.
  if (streamId.includes(NUL))
    throw new InvalidArgumentError(argument, 'must not contain the character U+0000')
  return streamId
}

/**
 * Validates a batch with `parseEvent` and returns fresh copies. Issue paths name the event:
 * `events.2.data.note`. Also refuses U+0000 anywhere (PostgreSQL's jsonb and text reject it) and
 * the same eventId twice in one batch.
 */
export function validateEvents(events: unknown): EventEnvelope[] {
  if (!Array.isArray(events))
    throw new InvalidArgumentError('events', `must be an array (got ${kind(events)})`)
  if (events.length === 0)
    throw new InvalidArgumentError('events', 'must hold at least one event (an empty append is refused)')
  const firstIndexOf = new Map<string, number>()
  return events.map((input: unknown, index) => {
    const at = (path: string) => (path === ROOT_PATH ? `events.${index}` : `events.${index}.${path}`)
    let event: EventEnvelope
    try {
      event = parseEvent(input)
    } catch (error) {
      if (!(error instanceof MessageValidationError)) throw error
      throw new MessageValidationError(
        error.issues.map((issue) => ({ path: at(issue.path), reason: issue.reason })),
        'event',
      )
    }
    const nul = findNul(event)
    if (nul) throw MessageValidationError.at(at(nul.path), nul.reason, 'event')
    const earlier = firstIndexOf.get(event.eventId)
    if (earlier !== undefined)
      throw MessageValidationError.at(
        at('eventId'),
        `${JSON.stringify(event.eventId)} is already used by events.${earlier} in this batch`,
        'event',
      )
    firstIndexOf.set(event.eventId, index)
    return event
  })
}

function findNul(event: EventEnvelope): ValidationIssue | undefined {
  // JSON.stringify writes U+0000 as the escape \u0000 (in values and keys alike): a fast test
  // for the usual case; only an event that has one is walked to name the place.
  if (!JSON.stringify(event).includes('\\u0000')) return undefined
  return findNulIn(event, ROOT_PATH)
}

function findNulIn(value: unknown, path: string): ValidationIssue | undefined {
  const at = (key: string | number) => (path === ROOT_PATH ? String(key) : `${path}.${key}`)
  if (typeof value === 'string')
    return value.includes(NUL)
      ? { path, reason: 'contains the character U+0000, which PostgreSQL cannot store' }
      : undefined
  if (typeof value !== 'object' || value === null) return undefined
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL))
      return { path: at(key), reason: 'has a key containing U+0000, which PostgreSQL cannot store' }
    const found = findNulIn(item, at(key))
    if (found) return found
  }
  return undefined
}

export function validateExpectedVersion(expected: unknown): ExpectedVersion {
  if (expected === ANY || expected === NO_STREAM || expected === STREAM_EXISTS) return expected
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 1) return expected
  const hint = expected === 0 ? ' (a stream with no events is NO_STREAM; positions start at 1)' : ''
  throw new InvalidArgumentError(
    'options.expectedVersion',
    `must be an integer ≥ 1, ANY, NO_STREAM or STREAM_EXISTS (got ${describe(expected)})${hint}`,
  )
}

export interface StreamWindow {
  readonly backwards: boolean
  readonly from: number | undefined
  readonly maxCount: number | undefined
}

export function validateReadStreamOptions(options: ReadStreamOptions | undefined): StreamWindow {
  const o = options ?? {}
  if (o.direction !== undefined && o.direction !== 'forwards' && o.direction !== 'backwards')
    throw new InvalidArgumentError(
      'options.direction',
      `must be 'forwards' or 'backwards' (got ${describe(o.direction)})`,
    )
  return {
    backwards: o.direction === 'backwards',
    from: positiveInteger(o.from, 'options.from'),
    maxCount: positiveInteger(o.maxCount, 'options.maxCount'),
  }
}

export interface GlobalWindow {
  readonly after: bigint
  readonly maxCount: number | undefined
  readonly eventTypes: readonly string[] | undefined
  readonly streamPrefix: string | undefined
}

export function validateReadAllOptions(options: ReadAllOptions | undefined): GlobalWindow {
  const o = options ?? {}
  const filter = o.filter ?? {}
  const { eventTypes, streamPrefix } = filter
  if (
    eventTypes !== undefined &&
    (!Array.isArray(eventTypes) ||
      eventTypes.some((t) => typeof t !== 'string' || t === '' || t.includes(NUL)))
  )
    throw new InvalidArgumentError('options.filter.eventTypes', 'must be an array of non-empty strings')
  if (streamPrefix !== undefined && (typeof streamPrefix !== 'string' || streamPrefix.includes(NUL)))
    throw new InvalidArgumentError('options.filter.streamPrefix', 'must be a string without U+0000')
  return {
    after: checkpoint(o.after, 'options.after') ?? 0n,
    maxCount: positiveInteger(o.maxCount, 'options.maxCount'),
    eventTypes,
    streamPrefix,
  }
}

export interface SubscriptionSettings {
  readonly handler: SubscribeOptions['handler']
  readonly onCaughtUp: () => void
  readonly batchSize: number
  readonly pollIntervalMs: number
  /** `undefined`: from the end, which the store has to look up. */
  readonly after: bigint | undefined
}

export function validateSubscribeOptions(options: SubscribeOptions): SubscriptionSettings {
  if (typeof options?.handler !== 'function')
    throw new InvalidArgumentError('options.handler', 'must be a function')
  if (options.onCaughtUp !== undefined && typeof options.onCaughtUp !== 'function')
    throw new InvalidArgumentError('options.onCaughtUp', 'must be a function')
  const from = options.from ?? 'start'
  let after: bigint | undefined
  if (from === 'start') after = 0n
  else if (from === 'end') after = undefined
  else if (typeof from === 'object' && from !== null)
    after = checkpoint(from.after, 'options.from.after') ?? 0n
  else
    throw new InvalidArgumentError(
      'options.from',
      `must be 'start', 'end' or { after } (got ${describe(from)})`,
    )
  return {
    handler: options.handler,
    onCaughtUp: options.onCaughtUp ?? (() => undefined),
    batchSize: positiveInteger(options.batchSize, 'options.batchSize') ?? 100,
    pollIntervalMs: positiveInteger(options.pollIntervalMs, 'options.pollIntervalMs') ?? 25,
    after,
  }
}

function positiveInteger(value: unknown, argument: string): number | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value
  throw new InvalidArgumentError(argument, `must be an integer ≥ 1 (got ${describe(value)})`)
}

function checkpoint(value: unknown, argument: string): bigint | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'bigint' && value >= 0n) return value
  throw new InvalidArgumentError(argument, `must be a bigint ≥ 0n (got ${describe(value)})`)
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return String(value)
  return kind(value)
}

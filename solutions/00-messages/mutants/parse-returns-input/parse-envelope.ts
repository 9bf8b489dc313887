import { EnvelopeValidationError, ROOT, type ValidationIssue } from '../../src/envelope-validation-error.ts'
import type { EventEnvelope, Metadata } from '../../src/types.ts'

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/
/** ISO-8601 in UTC with a `Z`, 0 to 9 fraction digits: `2024-01-15T10:30:00.000Z`. */
const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/
/** `"2"` and `"2.0"`: how the seed article and some brokers write a version. */
const VERSION_STRING = /^[1-9][0-9]{0,15}(?:\.0+)?$/
/** Deeper than this is an attack or a bug; stopping here also keeps the walk off the stack limit. */
const MAX_DEPTH = 256

/** A problem with one field, thrown inside the walk and collected per field. */
class FieldIssue extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(reason)
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value !== 'object') return `a ${typeof value}`
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor
    ?.name
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object'
}

/** `instanceof` that survives a thrown value whose prototype cannot even be read (a hostile proxy). */
function isInstance<T>(value: unknown, type: abstract new (...args: never[]) => T): value is T {
  try {
    return value instanceof type
  } catch {
    return false
  }
}

function safeMessage(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error)
  } catch {
    return 'an error that cannot be described'
  }
}

/** An own data property, read without running a getter; `undefined` when absent. */
function ownValue(object: object, key: string, path: string): { value: unknown } | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(object, key)
  if (descriptor === undefined) return undefined
  if (!('value' in descriptor)) throw new FieldIssue(path, 'is an accessor (get/set), not JSON data')
  return { value: descriptor.value }
}

/** A deep copy of a JSON value, or a FieldIssue naming the first place that is not JSON. */
function copyJson(value: unknown, path: string, depth: number, ancestors: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FieldIssue(path, `must be a finite number (JSON has no ${value})`)
    return value === 0 ? 0 : value // -0 becomes 0, as JSON would write it
  }
  if (typeof value !== 'object') throw new FieldIssue(path, `must be JSON, got ${describe(value)}`)
  if (depth > MAX_DEPTH) throw new FieldIssue(path, `is nested deeper than ${MAX_DEPTH} levels`)
  if (ancestors.has(value)) throw new FieldIssue(path, 'contains a cycle')
  ancestors.add(value)
  try {
    if (Array.isArray(value)) {
      const copy: unknown[] = []
      for (let i = 0; i < value.length; i++) {
        const item = ownValue(value, String(i), `${path}.${i}`)
        if (item === undefined) throw new FieldIssue(`${path}.${i}`, 'is a hole in a sparse array')
        copy.push(copyJson(item.value, `${path}.${i}`, depth + 1, ancestors))
      }
      return copy
    }
    if (!isPlainObject(value)) throw new FieldIssue(path, `must be JSON, got ${describe(value)}`)
    const copy: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const item = ownValue(value, key, `${path}.${key}`)!
      // defineProperty, not assignment: an own "__proto__" key stays a plain key.
      Object.defineProperty(copy, key, {
        value: copyJson(item.value, `${path}.${key}`, depth + 1, ancestors),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return copy
  } finally {
    ancestors.delete(value)
  }
}

function isRealUtcInstant(timestamp: string): boolean {
  const match = UTC_TIMESTAMP.exec(timestamp)
  if (match === null) return false
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  return days !== undefined && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59
}

function versionOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 1 ? value : undefined
  if (typeof value !== 'string' || !VERSION_STRING.test(value)) return undefined
  const version = Number.parseInt(value, 10)
  return Number.isSafeInteger(version) ? version : undefined
}

const nonEmptyString = (value: unknown, path: string): string => {
  if (typeof value !== 'string') throw new FieldIssue(path, `must be a string, got ${describe(value)}`)
  if (value === '') throw new FieldIssue(path, 'must not be empty')
  return value
}

type Read = { value: unknown } | undefined
const required = (read: Read, path: string): unknown => {
  if (read === undefined) throw new FieldIssue(path, 'is required')
  return read.value
}

/** How each field is read: `read` is the own property, or undefined when it is missing. */
const FIELDS: { readonly [K in keyof EventEnvelope]: (read: Read) => EventEnvelope[K] } = {
  eventId: (read) => nonEmptyString(required(read, 'eventId'), 'eventId'),
  eventType: (read) => {
    const type = nonEmptyString(required(read, 'eventType'), 'eventType')
    if (!PASCAL_CASE.test(type))
      throw new FieldIssue('eventType', 'must be a PascalCase name such as OrderPlaced')
    return type
  },
  version: (read) => {
    const version = versionOf(required(read, 'version'))
    if (version === undefined)
      throw new FieldIssue('version', 'must be a positive integer (or a string such as "2" or "2.0")')
    return version
  },
  timestamp: (read) => {
    const timestamp = required(read, 'timestamp')
    if (typeof timestamp !== 'string' || !isRealUtcInstant(timestamp))
      throw new FieldIssue(
        'timestamp',
        'must be an ISO-8601 UTC date and time such as 2024-01-15T10:30:00.000Z',
      )
    return timestamp
  },
  correlationId: (read) => nonEmptyString(required(read, 'correlationId'), 'correlationId'),
  causationId: (read) =>
    read === undefined || read.value === null ? null : nonEmptyString(read.value, 'causationId'),
  data: (read) => copyJson(required(read, 'data'), 'data', 1, new Set()),
  metadata: (read) => {
    if (read === undefined) return {}
    if (!isPlainObject(read.value))
      throw new FieldIssue('metadata', `must be an object, got ${describe(read.value)}`)
    return copyJson(read.value, 'metadata', 1, new Set()) as Metadata
  },
}

function parse(input: unknown): EventEnvelope {
  if (!isPlainObject(input))
    throw EnvelopeValidationError.at(ROOT, `must be a JSON object, got ${describe(input)}`)
  const issues: ValidationIssue[] = []
  const envelope: Record<string, unknown> = {}
  for (const [field, read] of Object.entries(FIELDS) as Array<[string, (read: Read) => unknown]>) {
    try {
      envelope[field] = read(ownValue(input, field, field))
    } catch (error) {
      if (!isInstance(error, FieldIssue)) throw error
      issues.push({ path: error.path, reason: error.reason })
    }
  }
  if (issues.length > 0) throw new EnvelopeValidationError(issues)
  return input as unknown as EventEnvelope
}

/**
 * Validates untrusted input (what `JSON.parse` or a broker client gave you) as an event envelope
 * and returns a fresh copy holding the envelope fields only. Throws EnvelopeValidationError, and
 * nothing else, naming every bad field: nothing half-valid gets through.
 */
export function parseEnvelope(input: unknown): EventEnvelope {
  try {
    return parse(input)
  } catch (error) {
    if (isInstance(error, EnvelopeValidationError)) throw error
    // A hostile value (a proxy that throws, a revoked proxy...) still gets the one error type.
    throw EnvelopeValidationError.at(ROOT, `could not be read: ${safeMessage(error)}`)
  }
}

/** ISO-8601 in UTC with a `Z`: `2024-01-15T10:30:00Z` or with 1–9 fraction digits. */
const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/
/** RFC 3339 as CloudEvents `time` allows it: any offset, lower-case `t`/`z` too. */
const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/

export const TIMESTAMP_EXAMPLE = '2024-01-15T10:30:00.000Z'

interface DateTimeParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly millis: number
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function partsOf(match: RegExpExecArray): DateTimeParts | undefined {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const fraction = match[7] ?? ''
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    // Leap seconds (:60) are rejected: JavaScript dates cannot hold them.
    second <= 59
  if (!valid) return undefined
  return { year, month, day, hour, minute, second, millis: Number(fraction.padEnd(3, '0').slice(0, 3)) }
}

function epochMillisOfParts(parts: DateTimeParts): number {
  // Date.UTC maps years 0–99 to 1900–1999, so set the full year separately.
  const date = new Date(Date.UTC(2000, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second))
  date.setUTCFullYear(parts.year)
  return date.getTime() + parts.millis
}

/** A real calendar instant written as ISO-8601 UTC with `Z` (what envelopes carry). */
export function isUtcTimestamp(value: unknown): value is string {
  return typeof value === 'string' && matchesUtcTimestamp(value)
}

function matchesUtcTimestamp(value: string): boolean {
  if (value.length > 40) return false
  const match = UTC_TIMESTAMP.exec(value)
  return match !== null && partsOf(match) !== undefined
}

/** Milliseconds since the epoch; sub-millisecond digits are dropped. Only for valid timestamps. */
export function epochMillisOf(timestamp: string): number {
  const match = UTC_TIMESTAMP.exec(timestamp)
  const parts = match === null ? undefined : partsOf(match)
  return parts === undefined ? Number.NaN : epochMillisOfParts(parts)
}

/**
 * Reads an RFC 3339 time (any offset) as an envelope timestamp. A UTC `Z` time that already
 * fits the envelope is kept verbatim (so round-trips are exact); others are converted to UTC.
 */
export function utcTimestampFromRfc3339(value: string): string | undefined {
  if (matchesUtcTimestamp(value)) return value
  if (value.length > 40) return undefined
  const match = RFC_3339.exec(value)
  const parts = match === null ? undefined : partsOf(match)
  if (match === null || parts === undefined) return undefined
  const offset = match[8] ?? 'Z'
  let offsetMinutes = 0
  if (offset !== 'Z' && offset !== 'z') {
    const hours = Number(offset.slice(1, 3))
    const minutes = Number(offset.slice(4, 6))
    if (hours > 23 || minutes > 59) return undefined
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes)
  }
  const date = new Date(epochMillisOfParts(parts) - offsetMinutes * 60_000)
  if (Number.isNaN(date.getTime())) return undefined
  const iso = date.toISOString()
  return isUtcTimestamp(iso) ? iso : undefined
}

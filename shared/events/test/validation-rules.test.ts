import { describe, expect, it } from 'vitest'
import { isUtcTimestamp, normaliseVersion, utcTimestampFromRfc3339 } from '../src/index.ts'

describe('isUtcTimestamp', () => {
  it.each([
    '2024-01-15T10:30:00Z',
    '2024-01-15T10:30:00.000Z',
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '1970-01-01T00:00:00.123456789Z',
    '9999-12-31T23:59:59.999Z',
  ])('accepts %s', (value) => {
    expect(isUtcTimestamp(value)).toBe(true)
  })

  it.each([
    '1900-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-00-10T00:00:00Z',
    '2024-01-00T00:00:00Z',
    '2024-01-15T23:59:60Z',
    '2024-01-15T10:30:00.1234567890Z',
    '2024-01-15T10:30Z',
    '+002024-01-15T10:30:00Z',
    ' 2024-01-15T10:30:00Z',
    1705314600000,
    null,
  ])('rejects %j', (value) => {
    expect(isUtcTimestamp(value)).toBe(false)
  })
})

describe('utcTimestampFromRfc3339', () => {
  it.each([
    ['2024-01-15T10:30:00Z', '2024-01-15T10:30:00Z'],
    ['2024-01-15T10:30:00.123456Z', '2024-01-15T10:30:00.123456Z'],
    ['2024-01-15T11:30:00+01:00', '2024-01-15T10:30:00.000Z'],
    ['2024-01-15T05:00:00.25-05:30', '2024-01-15T10:30:00.250Z'],
    ['2024-01-01T00:30:00+01:00', '2023-12-31T23:30:00.000Z'],
    ['2024-01-15t10:30:00z', '2024-01-15T10:30:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(utcTimestampFromRfc3339(input)).toBe(expected)
  })

  it.each([
    '2024-01-15T10:30:00',
    '2024-01-15T10:30:00+24:00',
    '2024-01-15T10:30:00+01:60',
    '2024-02-30T10:30:00Z',
    'now',
  ])('rejects %s', (input) => {
    expect(utcTimestampFromRfc3339(input)).toBeUndefined()
  })
})

describe('normaliseVersion', () => {
  it.each([
    [1, 1],
    [7, 7],
    ['2', 2],
    ['2.0', 2],
    ['12.000', 12],
  ])('%j is version %j', (input, expected) => {
    expect(normaliseVersion(input)).toBe(expected)
  })

  it.each([
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    '0',
    '2.1',
    'v2',
    '02',
    '+2',
    '2e0',
    '',
    null,
    undefined,
    2n,
  ])('%s is not a version', (input) => {
    expect(normaliseVersion(input)).toBeUndefined()
  })
})

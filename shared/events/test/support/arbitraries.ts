import fc from 'fast-check'
import type { EventEnvelope, JsonValue, Metadata } from '../../src/index.ts'

/** JSON as it comes back from the wire: `-0` cannot be written as JSON, so it is normalised away. */
const normalise = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export const jsonValueArb: fc.Arbitrary<JsonValue> = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => normalise(v) as JsonValue)

export const idArb = fc.oneof(fc.uuid(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }))

export const typeNameArb = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,24}$/)

export const versionArb = fc.oneof(
  fc.integer({ min: 1, max: 20 }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
)

/** Valid UTC timestamps with 0–9 fraction digits, from year 0 to 9999. */
export const timestampArb = fc
  .tuple(
    fc.date({
      min: new Date('0000-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    }),
    fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
  )
  .map(
    ([date, fraction]) =>
      `${date.toISOString().slice(0, 19)}${fraction === undefined ? '' : `.${fraction}`}Z`,
  )

export const metadataArb: fc.Arbitrary<Metadata> = fc
  .dictionary(fc.string({ maxLength: 12 }), jsonValueArb, { maxKeys: 4 })
  .map(normalise)

// fc.record may build null-prototype objects; envelopes off the wire are plain objects.
export const envelopeArb: fc.Arbitrary<EventEnvelope> = fc
  .record({
    eventId: idArb,
    eventType: typeNameArb,
    version: versionArb,
    timestamp: timestampArb,
    correlationId: idArb,
    causationId: fc.option(idArb, { nil: null }),
    data: jsonValueArb,
    metadata: metadataArb,
  })
  .map((envelope) => ({ ...envelope }))

function sparseArray(): unknown[] {
  const array = [1, 2, 3]
  delete array[1]
  return array
}

/** Values that are never valid for a given envelope field. */
export const BAD_FIELD_VALUES: Readonly<Record<keyof EventEnvelope, ReadonlyArray<unknown>>> = {
  eventId: ['', 42, null, {}, [], true, 1n, Symbol('id')],
  eventType: ['', 'orderPlaced', 'Order Placed', 'Order-Placed', '1Order', 3, null, ['OrderPlaced']],
  version: [
    0,
    -1,
    1.5,
    '2.1',
    'v2',
    '02',
    '',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    true,
    2n,
    [2],
    { v: 2 },
  ],
  timestamp: [
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-15T24:00:00Z',
    '2024-01-15T10:30:00+01:00',
    '2024-01-15T10:30:00',
    '2024-01-15',
    'yesterday',
    1705314600000,
    null,
    new Date('2024-01-15T10:30:00Z'),
  ],
  correlationId: ['', 1, null, {}, 1n],
  causationId: ['', 1, {}, [], false],
  data: [
    () => 1,
    1n,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    { a: undefined },
    new Date(0),
    new Map(),
    sparseArray(),
    { s: Symbol('x') },
  ],
  metadata: [null, [], 'x', 1, { a: () => 1 }, new Date(0), { n: Number.NaN }],
}

export const badFieldArb = fc
  .constantFrom(...(Object.keys(BAD_FIELD_VALUES) as Array<keyof EventEnvelope>))
  .chain((field) => fc.tuple(fc.constant(field), fc.constantFrom(...BAD_FIELD_VALUES[field])))

/** Every object reachable from `value`, to prove that parsed output shares nothing with input. */
export function objectsIn(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null && !found.has(value)) {
    found.add(value)
    for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], found)
  }
  return found
}

export function sharesObjects(a: unknown, b: unknown): boolean {
  const left = objectsIn(a)
  return [...objectsIn(b)].some((object) => left.has(object))
}

/** 200 runs keeps the suite fast; `FC_RUNS=10000 pnpm test` digs deeper. */
export const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200) } as const

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CLOUDEVENTS_CONTENT_TYPE,
  type EventEnvelope,
  fromCloudEvent,
  MessageValidationError,
  toCloudEvent,
} from '../src/index.ts'
import { envelopeArb, RUNS } from './support/arbitraries.ts'

const event: EventEnvelope = {
  eventId: 'evt-1',
  eventType: 'RideRequested',
  version: 1,
  timestamp: '2024-01-15T10:30:00.000Z',
  correlationId: 'req-1',
  causationId: 'cmd-1',
  data: { rideId: 'ride-1' },
  metadata: { tenant: 'acme' },
}

function errorOf(run: () => unknown): MessageValidationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(MessageValidationError)
    return error as MessageValidationError
  }
  throw new Error('expected a MessageValidationError')
}

const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('toCloudEvent', () => {
  it('maps the envelope to CloudEvents 1.0 attributes and extensions', () => {
    expect(toCloudEvent(event, { source: '/rides', subject: 'ride-1' })).toStrictEqual({
      specversion: '1.0',
      id: 'evt-1',
      source: '/rides',
      type: 'RideRequested',
      subject: 'ride-1',
      time: '2024-01-15T10:30:00.000Z',
      datacontenttype: 'application/json',
      data: { rideId: 'ride-1' },
      correlationid: 'req-1',
      causationid: 'cmd-1',
      eventversion: 1,
      metadata: '{"tenant":"acme"}',
    })
    expect(CLOUDEVENTS_CONTENT_TYPE).toBe('application/cloudevents+json')
  })

  it('leaves out causationid for a chain start and metadata when empty', () => {
    const cloudEvent = toCloudEvent(
      { ...event, causationId: null, metadata: {} },
      { source: 'urn:ride-service' },
    )
    expect(cloudEvent).not.toHaveProperty('causationid')
    expect(cloudEvent).not.toHaveProperty('metadata')
    expect(cloudEvent).not.toHaveProperty('subject')
  })

  it('uses only legal extension attribute names', () => {
    const names = Object.keys(
      toCloudEvent(event, { source: '/rides', extensions: { partitionkey: 'ride-1' } }),
    )
    const core = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data']
    for (const name of names.filter((n) => !core.includes(n))) expect(name).toMatch(/^[a-z0-9]{1,20}$/)
    expect(names).toContain('partitionkey')
  })

  it.each([
    [{ source: '' }, 'source', /empty/],
    [{}, 'source', /required/],
    [{ source: 'has space' }, 'source', /URI-reference/],
    [{ source: '/rides', subject: '' }, 'subject', /empty/],
    [{ source: '/rides', extensions: { partitionKey: 'x' } }, 'extensions.partitionKey', /lower-case/],
    [
      { source: '/rides', extensions: { averyveryverylongname1: 'x' } },
      'extensions.averyveryverylongname1',
      /20/,
    ],
    [{ source: '/rides', extensions: { id: 'x' } }, 'extensions.id', /sets itself/],
    [{ source: '/rides', extensions: { rank: 1.5 } }, 'extensions.rank', /integer/],
  ])('rejects options %j', (options, path, reason) => {
    const error = errorOf(() => toCloudEvent(event, options as { source: string }))
    expect(error.path).toBe(path)
    expect(error.reason).toMatch(reason)
  })

  it('refuses an invalid event', () => {
    expect(errorOf(() => toCloudEvent({ ...event, timestamp: 'now' }, { source: '/rides' })).path).toBe(
      'timestamp',
    )
  })
})

describe('fromCloudEvent', () => {
  const cloudEvent = toCloudEvent(event, { source: '/rides' })

  it('reads a written CloudEvent back, even after the wire', () => {
    expect(fromCloudEvent(cloudEvent)).toStrictEqual(event)
    expect(fromCloudEvent(wire(cloudEvent))).toStrictEqual(event)
  })

  it('converts a time with an offset to UTC', () => {
    const parsed = fromCloudEvent({ ...cloudEvent, time: '2024-01-15T12:30:00.5+02:00' })
    expect(parsed.timestamp).toBe('2024-01-15T10:30:00.500Z')
    expect(fromCloudEvent({ ...cloudEvent, time: '2024-01-15t10:30:00z' }).timestamp).toBe(
      '2024-01-15T10:30:00.000Z',
    )
  })

  it('treats null attributes as absent, absent data as null, and ignores unknown extensions', () => {
    const parsed = fromCloudEvent({ ...cloudEvent, causationid: null, data: undefined, traceparent: 'x' })
    expect(parsed.causationId).toBeNull()
    expect(parsed.data).toBeNull()
    expect(Object.keys(parsed)).not.toContain('traceparent')
  })

  it('accepts eventversion as a string', () => {
    expect(fromCloudEvent({ ...cloudEvent, eventversion: '3.0' }).version).toBe(3)
  })

  it.each([
    ['specversion', undefined, /required/],
    ['specversion', '0.3', /1\.0/],
    ['specversion', 1, /1\.0/],
    ['source', undefined, /required/],
    ['source', '', /empty/],
    ['id', '', /empty/],
    ['id', undefined, /required/],
    ['type', 'com.example.ride.requested', /PascalCase/],
    ['time', undefined, /required/],
    ['time', '2024-01-15T10:30:00', /RFC 3339/],
    ['time', '2024-02-30T10:30:00Z', /RFC 3339/],
    ['time', '2024-01-15T10:30:00+25:00', /RFC 3339/],
    ['datacontenttype', 'text/plain', /application\/json/],
    ['data_base64', 'AAAA', /binary/],
    ['correlationid', undefined, /required/],
    ['causationid', 7, /string/],
    ['eventversion', 0, /positive integer/],
    ['metadata', '{', /not valid JSON/],
    ['metadata', '"x"', /object/],
  ])('rejects %s = %j at that attribute', (name, value, reason) => {
    const error = errorOf(() => fromCloudEvent({ ...cloudEvent, [name]: value }))
    expect(error.path).toBe(name)
    expect(error.reason).toMatch(reason)
  })

  it('names data problems under data', () => {
    const error = errorOf(() => fromCloudEvent({ ...cloudEvent, data: { at: new Date() } }))
    expect(error.path).toBe('data.at')
  })

  it('round-trips every valid envelope through structured JSON', () => {
    fc.assert(
      fc.property(
        envelopeArb,
        fc.constantFrom('/shop', 'urn:rides', 'https://example.com/a'),
        (envelope, source) => {
          expect(fromCloudEvent(wire(toCloudEvent(envelope, { source })))).toStrictEqual(envelope)
        },
      ),
      RUNS,
    )
  })

  it('anything yields a MessageValidationError', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true }), (input) => {
        expect(() => fromCloudEvent(input)).toThrow(MessageValidationError)
      }),
      RUNS,
    )
  })
})

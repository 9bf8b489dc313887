import type { StoredEvent } from '#impl'

let sequence = 0

/**
 * A stored event with every envelope field filled in and distinct, so a spec can tell whether each
 * one survived upcasting. Leave `version` out for a row written before versions were recorded.
 */
export function storedEvent(
  fields: Pick<StoredEvent, 'eventType' | 'data'> & Partial<Omit<StoredEvent, 'eventType' | 'data'>>,
): StoredEvent {
  const n = ++sequence
  return {
    streamId: `Account-${n}`,
    streamPosition: n,
    globalPosition: 1_000 + n,
    eventId: `evt-${n}`,
    timestamp: `2024-01-15T10:30:${String(n % 60).padStart(2, '0')}.000Z`,
    correlationId: `corr-${n}`,
    causationId: `cause-${n}`,
    metadata: { tenant: 'eu', userId: `user-${n}` },
    ...fields,
  }
}

/** The envelope fields upcasting must keep as they are. */
export function envelopeOf(event: StoredEvent) {
  const {
    eventId,
    timestamp,
    correlationId,
    causationId,
    metadata,
    streamId,
    streamPosition,
    globalPosition,
  } = event
  return {
    eventId,
    timestamp,
    correlationId,
    causationId,
    metadata,
    streamId,
    streamPosition,
    globalPosition,
  }
}

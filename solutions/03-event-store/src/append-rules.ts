import { type EventEnvelope, MessageValidationError } from '@eda/events'
import { ConcurrencyError } from './concurrency-error.ts'
import {
  ANY,
  type ExpectedVersion,
  NO_STREAM,
  STREAM_EXISTS,
  type StreamVersion,
} from './expected-version.ts'
import type { AppendResult } from './types.ts'

// The rules both stores apply inside their atomic section, so they cannot drift apart.

/** Throws ConcurrencyError unless a stream at `actual` satisfies `expected`. */
export function checkExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  actual: StreamVersion,
): void {
  const ok =
    expected === ANY ||
    (expected === NO_STREAM && actual === NO_STREAM) ||
    (expected === STREAM_EXISTS && actual !== NO_STREAM) ||
    expected === actual
  if (!ok) throw new ConcurrencyError(streamId, expected, actual)
}

/** Where an event with one of the batch's ids is already stored. */
export interface StoredEventRef {
  readonly eventId: string
  readonly streamId: string
  readonly streamPosition: number
  readonly globalPosition: bigint
}

/**
 * Recognises a retry: every event of the batch is already stored, in this stream, in this order,
 * at consecutive positions. Then the append already happened (its reply was lost): return its
 * result and write nothing. Any other reuse of a stored eventId is the caller's mistake.
 * Returns undefined when none of the ids is stored: a new append.
 */
export function resultOfRetry(
  streamId: string,
  batch: readonly EventEnvelope[],
  stored: readonly StoredEventRef[],
): AppendResult | undefined {
  if (stored.length === 0) return undefined
  const byId = new Map(stored.map((ref) => [ref.eventId, ref]))
  const refs = batch.map((event) => byId.get(event.eventId))
  const first = refs[0]
  const sameAppend =
    first !== undefined &&
    refs.every(
      (ref, i) =>
        ref !== undefined && ref.streamId === streamId && ref.streamPosition === first.streamPosition + i,
    )
  if (sameAppend) {
    const last = refs[refs.length - 1]!
    return {
      nextExpectedVersion: last.streamPosition,
      createdNewStream: first.streamPosition === 1,
      lastGlobalPosition: last.globalPosition,
    }
  }
  const index = refs.findIndex((ref) => ref !== undefined)
  const ref = refs[index]!
  throw MessageValidationError.at(
    `events.${index}.eventId`,
    `${JSON.stringify(ref.eventId)} is already stored (stream ${JSON.stringify(ref.streamId)}, position ${ref.streamPosition}); only a retry of that same append may reuse it`,
    'event',
  )
}

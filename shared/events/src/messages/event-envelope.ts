import type { Metadata } from '../json/json-value.ts'

/**
 * A fact that happened, named in the past tense (`OrderPlaced`). Immutable once published;
 * subscribers may receive it more than once, so they must handle it idempotently.
 */
export interface EventEnvelope<
  TType extends string = string,
  TData = unknown,
  TVersion extends number = number,
> {
  /** Unique per event; consumers deduplicate on it. Non-empty. */
  readonly eventId: string
  /** PascalCase, past tense by convention: `OrderPlaced`, `PaymentProcessed`. */
  readonly eventType: TType
  /** Schema version of `data`, a positive integer; bump it on an incompatible change. */
  readonly version: TVersion
  /** When it happened: ISO-8601 UTC with `Z`, e.g. `2024-01-15T10:30:00.000Z`. */
  readonly timestamp: string
  /** Shared by every message of one business flow; tracing follows it. */
  readonly correlationId: string
  /** Id of the message that directly caused this one; `null` when it starts a chain. */
  readonly causationId: string | null
  /** The facts, as JSON. Enough context for consumers to act without calling back. */
  readonly data: TData
  readonly metadata: Metadata
}

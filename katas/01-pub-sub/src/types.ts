import type { EventEnvelope } from '@eda/events'

/** What a subscriber receives: deeply frozen, so no subscriber can change what another sees. */
export type DeliveredEvent = Readonly<EventEnvelope>

/** A handler may be sync or async; the bus waits for it before giving it the next event. */
export type Handler = (event: DeliveredEvent, topic: string) => void | Promise<void>

/** Subscribe to one event type, or to a topic pattern (`shop.order.*`, `shop.#`). */
export type Selector = { readonly eventType: string } | { readonly topic: string }

/**
 * What happens when a subscriber falls `bufferSize` events behind:
 * - `drop-oldest`: discard the oldest waiting event (keep the freshest; good for live views);
 * - `drop-newest`: discard the incoming event (keep the backlog; good for catch-up work);
 * - `unsubscribe`: cut the subscriber off (it is too slow to be trusted with partial data).
 * Every discarded event is reported on `dropped$`; other subscribers are never affected.
 */
export type OverflowPolicy = 'drop-oldest' | 'drop-newest' | 'unsubscribe'

export interface SubscribeOptions {
  /** Shown in error and drop reports; defaults to `subscriber-<n>`. */
  readonly name?: string
  /** How many events may wait for this subscriber; a positive integer. */
  readonly bufferSize?: number
  readonly overflow?: OverflowPolicy
}

export interface EventBusOptions {
  /** Default buffer size for subscriptions that do not set one (1000). */
  readonly bufferSize?: number
  /** Default overflow policy (`drop-oldest`). */
  readonly overflow?: OverflowPolicy
}

export interface Subscription {
  readonly name: string
  /** Stops delivery; events already waiting are discarded. Calling it again does nothing. */
  unsubscribe(): void
  readonly closed: boolean
}

/** A handler threw or rejected: reported here, and delivery goes on. */
export interface DeliveryError {
  readonly subscriber: string
  readonly event: DeliveredEvent
  readonly error: unknown
}

export interface DroppedEvent {
  readonly subscriber: string
  readonly event: DeliveredEvent
  readonly policy: OverflowPolicy
}

import type { EventEnvelope } from '@eda/events'

/** How an event reached a handler (steps 8–12). */
export interface DeliveryInfo {
  /**
   * The routing key it carried: `shop.order.placed`. A retry is sent straight to the work queue
   * (through the default exchange), so there it is the queue's name.
   */
  readonly routingKey: string
  /** The broker delivered it before and got no ack: a consumer died holding it (step 11). */
  readonly redelivered: boolean
  /** 1 on the first try, 2 after one handler failure, and so on (step 12). */
  readonly attempt: number
}

/** A handler may be sync or async; the message is acknowledged once it has settled. */
export type EventHandler = (event: EventEnvelope, delivery: DeliveryInfo) => void | Promise<void>

/** Why a message was not handled, or why a consumer stopped. */
export type FailureReason =
  /** The handler threw or rejected. */
  | 'handler-failed'
  /** The message is not a valid event envelope (bad JSON, missing messageId...). */
  | 'invalid-message'
  /** The broker cancelled the consumer, e.g. because its queue was deleted. */
  | 'cancelled'
  /** The channel failed (a protocol error the broker reported). */
  | 'channel-error'

/** What became of the message that failed. */
export type FailureOutcome = 'retried' | 'dead-lettered' | 'dropped'

/** A failure reported to `onError`: delivery goes on, nothing is thrown at the consumer's caller. */
export interface ConsumerFailure {
  readonly queue: string
  readonly reason: FailureReason
  readonly error: unknown
  /** The event, when the message was a valid one. */
  readonly event?: EventEnvelope
  /** The attempt that failed (`handler-failed`, `invalid-message`). */
  readonly attempt?: number
  readonly outcome?: FailureOutcome
}

/** The headers a worker adds when it retries or dead-letters a message (step 12). */
export const WORKER_HEADERS = {
  /** The attempt a retry copy is for (2, 3...); on a dead letter, the attempts made. */
  attempt: 'x-attempt',
  /** `handler-failed` or `invalid-message`. */
  reason: 'x-dead-letter-reason',
  /** The error's message: what a person reading the dead-letter queue needs first. */
  error: 'x-dead-letter-error',
  /** The work queue the message was taken from. */
  queue: 'x-dead-letter-queue',
} as const

export interface AmqpPublisherOptions {
  /** The exchange to publish to. The publisher never declares it: topology exists first (step 13). */
  readonly exchange: string
  /** First word of every routing key: `routingKeyOf(domain, eventType)`, e.g. `shop.order.placed` (step 9). */
  readonly domain: string
  /**
   * The size of its channel's write buffer, in frames (amqplib's `highWaterMark`, default 1024).
   * Beyond it `channel.publish` returns false: wait for `'drain'` (step 13).
   */
  readonly highWaterMark?: number
}

export interface AmqpSubscribeOptions {
  /** The exchange to bind to (fanout or topic). It must exist. */
  readonly exchange: string
  /**
   * Binding patterns (step 9): `shop.order.*`, `shop.#`. Default `['#']`, which on a fanout exchange
   * (where keys are ignored) and on a topic exchange alike means every event.
   */
  readonly patterns?: readonly string[]
  /** How many unacknowledged events the broker may push to it at once (default 100). */
  readonly prefetch?: number
  /** A failed handler or an invalid message: reported here, the message is dropped, delivery goes on. */
  readonly onError?: (failure: ConsumerFailure) => void
}

export interface DeadLetterTopology {
  /** A fanout exchange, durable, that receives the work queue's dead letters. */
  readonly exchange: string
  /** A durable queue bound to it, where a person (or a replay tool) finds them. */
  readonly queue: string
}

export interface WorkQueueTopology {
  /** The work queue: durable, shared by every worker of one service (step 10). */
  readonly queue: string
  /** Bind it to this exchange... */
  readonly exchange?: string
  /** ...with these patterns (default `['#']`). */
  readonly patterns?: readonly string[]
  /** Step 12: where messages that cannot be handled end up; the work queue names the exchange. */
  readonly deadLetter?: DeadLetterTopology
}

export interface AmqpWorkerOptions {
  /** The work queue to consume; it must exist (`declareWorkQueue`). */
  readonly queue: string
  /** Unacknowledged messages it may hold, i.e. handlers running at once (default 10; step 10). */
  readonly prefetch?: number
  /** Handler attempts before a message is given up (default 3; step 12). */
  readonly maxAttempts?: number
  /**
   * Where a message that is given up goes, with the reason in its headers (step 12). Without it the
   * message is rejected: dropped, or dead-lettered by the queue's own `x-dead-letter-exchange`.
   */
  readonly deadLetterExchange?: string
  /** Every failure, with what became of the message. */
  readonly onError?: (failure: ConsumerFailure) => void
}

export interface ProcessedEventsOptions {
  /** How many event ids it remembers; the oldest are forgotten first (default 10,000). */
  readonly capacity?: number
}

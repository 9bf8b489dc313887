import type { EventEnvelope } from '@eda/events'
import type { ConsumerConfig, ProducerConfig } from 'kafkajs'

/** Where a consumed event sat in the log. Offsets are int64 values, so kafkajs gives them as strings. */
export interface RecordPosition {
  readonly topic: string
  readonly partition: number
  readonly offset: string
  readonly key: string | null
  /** The record's timestamp in ms since the epoch, as a string (kafkajs's format). */
  readonly timestamp: string
}

/** Handles one consumed event. Throwing (or rejecting) stops the consumer without committing it. */
export type EventHandler = (event: EventEnvelope, position: RecordPosition) => void | Promise<void>

export interface EventProducerOptions {
  readonly topic: string
  /** The partition key of an event: its aggregate id (`data.orderId`, `data.cartId`...); null for none. */
  readonly keyOf: (event: EventEnvelope) => string | null
  /** Extra kafkajs producer settings. */
  readonly producer?: Omit<ProducerConfig, 'createPartitioner'>
}

/** Where the broker stored a published event. */
export interface PublishedEvent {
  readonly partition: number
  readonly offset: string
}

export interface PublishBatchOptions {
  /** Compress each partition's record batch (default 'none'). */
  readonly compression?: 'none' | 'gzip'
}

export interface EventConsumerOptions {
  readonly groupId: string
  readonly topic: string
  readonly handler: EventHandler
  /**
   * Where to start on a partition the group has no valid committed offset for (Kafka's
   * `auto.offset.reset`): true = the earliest retained record, false (default) = the end.
   * It does NOT rewind a group that has committed offsets.
   */
  readonly fromBeginning?: boolean
  /** Extra kafkajs consumer settings (sessionTimeout, heartbeatInterval, maxWaitTimeInMs...). */
  readonly consumer?: Omit<ConsumerConfig, 'groupId'>
}

/** Remembers which events already had their effect, for an idempotent handler. */
export interface ProcessedEvents {
  has(eventId: string): boolean | Promise<boolean>
  add(eventId: string): void | Promise<void>
}

/** Where to move a (stopped) group's committed offsets. */
export type ResetTarget = 'earliest' | 'latest' | { readonly timestamp: number }

export interface ResetOffsetsOptions {
  readonly groupId: string
  readonly topic: string
  readonly to: ResetTarget
}

/** One partition of a group's position on a topic, as the broker reports it. */
export interface PartitionLag {
  readonly partition: number
  /** The first offset still in the log (retention moves it forward). */
  readonly logStartOffset: number
  /** The offset the next record will get (the high watermark). */
  readonly highWatermark: number
  /** The offset the group will read next; null when it never committed on this partition. */
  readonly committedOffset: number | null
  /** Records the group has yet to read: highWatermark − committedOffset (from the log start without a commit). */
  readonly lag: number
  /** Records the group never read that retention deleted: logStartOffset − committedOffset when positive. */
  readonly expired: number
}

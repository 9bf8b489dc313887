import { fromKafkaMessage } from '@eda/events'
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs'
import { nextOffset } from '../../src/next-offset.ts'
import type { EventConsumerOptions } from '../../src/types.ts'

/**
 * A member of a consumer group reading one topic. Within a partition it handles events one at a
 * time, in offset order, and commits only what it has processed (at-least-once): after each
 * fetched batch, and before it stops. A handler that throws stops it without committing that event,
 * so whoever reads the partition next gets the event again.
 */
export class EventConsumer {
  readonly #kafka: Kafka
  readonly #options: EventConsumerOptions
  #consumer: Consumer | undefined
  #partitions: readonly number[] = []
  #failure: Error | undefined
  #stopping: Promise<void> | undefined
  readonly #stopped: Promise<Error | undefined>
  #markStopped: (failure: Error | undefined) => void = () => undefined

  constructor(kafka: Kafka, options: EventConsumerOptions) {
    this.#kafka = kafka
    this.#options = options
    this.#stopped = new Promise((resolve) => {
      this.#markStopped = resolve
    })
  }

  /** Joins the group and resolves once this member has its partitions. */
  async start(): Promise<void> {
    if (this.#consumer !== undefined)
      throw new Error(`the consumer of group ${this.#options.groupId} already started`)
    const { groupId, topic } = this.#options
    const consumer = this.#kafka.consumer({ ...this.#options.consumer, groupId })
    this.#consumer = consumer
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.#partitions = [...(payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b)
    })
    consumer.on(consumer.events.REBALANCING, () => {
      this.#partitions = []
    })
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.#halt(payload.error).catch(() => undefined)
    })
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: this.#options.fromBeginning ?? false })
    // The first join happens inside run() (which also resolves if it fails): listen before calling it.
    const joined = new Promise<void>((resolve, reject) => {
      const offJoin = consumer.on(consumer.events.GROUP_JOIN, () => {
        offJoin()
        offCrash()
        resolve()
      })
      const offCrash = consumer.on(consumer.events.CRASH, ({ payload }) => {
        offJoin()
        offCrash()
        reject(payload.error)
      })
    })
    joined.catch(() => undefined) // if run() throws, nobody awaits it
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.#handleBatch(payload),
    })
    await joined
  }

  /** The partitions this member owns now, ascending; empty while the group rebalances. */
  assignment(): readonly number[] {
    return this.#partitions
  }

  /** Commits what was processed, leaves the group (its partitions move at once) and disconnects. */
  stop(): Promise<void> {
    return this.#halt(undefined)
  }

  /** Resolves once the consumer stopped: with the handler's error when a failure stopped it. */
  stopped(): Promise<Error | undefined> {
    return this.#stopped
  }

  async #handleBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch
    let processed: string | undefined
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale() || this.#failure !== undefined) break
        // Commit first: the event counts as consumed as soon as it is handed over.
        await commitOffsetsIfNecessary({
          topics: [{ topic, partitions: [{ partition, offset: nextOffset(message.offset) }] }],
        })
        try {
          await this.#options.handler(fromKafkaMessage(message), {
            topic,
            partition,
            offset: message.offset,
            key: message.key === null ? null : message.key.toString('utf8'),
            timestamp: message.timestamp,
          })
        } catch (error) {
          // Not rethrown: kafkajs would retry the batch. Stop instead, without committing this event.
          this.#failure = error instanceof Error ? error : new Error(String(error))
          break
        }
        processed = message.offset
        resolveOffset(message.offset)
        await heartbeat()
      }
    } finally {
      // With explicit offsets this commits exactly them, even while the consumer is stopping
      // (consumer.commitOffsets would skip the commit once stop() has begun).
      if (processed !== undefined) {
        await commitOffsetsIfNecessary({
          topics: [{ topic, partitions: [{ partition, offset: nextOffset(processed) }] }],
        })
      }
    }
    // Not awaited: disconnect() waits for this batch to return.
    if (this.#failure !== undefined) this.#halt(this.#failure).catch(() => undefined)
  }

  #halt(failure: Error | undefined): Promise<void> {
    this.#stopping ??= (async () => {
      try {
        await this.#consumer?.disconnect()
      } finally {
        this.#partitions = []
        this.#markStopped(failure)
      }
    })()
    return this.#stopping
  }
}

import type { ChannelModel } from 'amqplib'
import type { AmqpSubscribeOptions, EventHandler } from '../../src/amqp-types.ts'
import { EventConsumer } from '../../src/event-consumer.ts'
import { InvalidOptionError } from '../../src/invalid-option-error.ts'
import { positiveInteger } from '../../src/positive-integer.ts'

/**
 * One subscriber of an exchange: its own exclusive, server-named queue bound with its patterns,
 * so it receives every matching event whatever other subscribers exist, and only from the moment
 * it subscribed. The queue goes away with the subscriber (or with its connection).
 */
export class AmqpSubscriber {
  readonly #consumer: EventConsumer

  private constructor(consumer: EventConsumer) {
    this.#consumer = consumer
  }

  static async subscribe(
    connection: ChannelModel,
    options: AmqpSubscribeOptions,
    handler: EventHandler,
  ): Promise<AmqpSubscriber> {
    const patterns = options.patterns ?? ['#']
    if (!Array.isArray(patterns) || patterns.length === 0 || patterns.some((p) => typeof p !== 'string'))
      throw new InvalidOptionError('patterns', patterns, 'a non-empty list of binding patterns')
    const prefetch = positiveInteger('prefetch', options.prefetch ?? 100)
    const consumer = await EventConsumer.start(
      connection,
      {
        queue: async (channel) => {
          // BUG: one queue for every subscriber of the exchange. The subscribers compete for its
          // messages, so each gets a share of the events instead of all of them.
          const { queue } = await channel.assertQueue(`${options.exchange}.subscribers`, { autoDelete: true })
          for (const pattern of new Set(patterns)) await channel.bindQueue(queue, options.exchange, pattern)
          return queue
        },
        prefetch,
        // A subscriber's queue has no dead-letter queue: a failure is reported and the event dropped.
        maxAttempts: 1,
        onError: options.onError,
      },
      handler,
    )
    return new AmqpSubscriber(consumer)
  }

  /** The subscriber's own queue (server-named, exclusive to its connection). */
  get queue(): string {
    return this.#consumer.queue
  }

  /** Stops delivery, lets the handlers in flight finish, closes the channel and deletes the queue. */
  async close(): Promise<void> {
    // The queue would go by itself (auto-delete) a moment after the cancel; deleting it says when.
    await this.#consumer.close((channel) => channel.deleteQueue(this.queue))
  }
}

import type { ChannelModel } from 'amqplib'
import type { AmqpWorkerOptions, EventHandler } from './amqp-types.ts'
import { EventConsumer } from './event-consumer.ts'
import { positiveInteger } from './positive-integer.ts'

/**
 * One of the competing consumers of a work queue: each message goes to one worker, which holds
 * at most `prefetch` unacknowledged messages, acknowledges each once its handler has settled,
 * retries a failure up to `maxAttempts`, then dead-letters it with the reason.
 */
export class AmqpWorker {
  readonly #consumer: EventConsumer

  private constructor(consumer: EventConsumer) {
    this.#consumer = consumer
  }

  static async start(
    connection: ChannelModel,
    options: AmqpWorkerOptions,
    handler: EventHandler,
  ): Promise<AmqpWorker> {
    const prefetch = positiveInteger('prefetch', options.prefetch ?? 10)
    const maxAttempts = positiveInteger('maxAttempts', options.maxAttempts ?? 3)
    const consumer = await EventConsumer.start(
      connection,
      {
        queue: options.queue,
        prefetch,
        maxAttempts,
        deadLetterExchange: options.deadLetterExchange,
        onError: options.onError,
      },
      handler,
    )
    return new AmqpWorker(consumer)
  }

  /** Stops taking messages, waits for the handlers in flight (and acknowledges them), closes its channel. */
  close(): Promise<void> {
    return this.#consumer.close()
  }
}

import { NotImplementedError } from '@eda/testkit'
import type { ChannelModel } from 'amqplib'
import type { AmqpWorkerOptions, EventHandler } from './amqp-types.ts'

/**
 * One of the competing consumers of a work queue. Read the kata README, steps 10 to 15.
 */
export class AmqpWorker {
  private constructor() {}

  /**
   * Step 10: validate `prefetch` and `maxAttempts` (positive integers, else `InvalidOptionError`),
   * set the prefetch, consume with manual acks, ack once the handler has settled.
   * Step 11: an ack on a channel that died throws: the broker redelivers, nothing to do.
   * Step 12: retry a failure up to `maxAttempts`, then dead-letter it (or reject it) with the reason.
   */
  static start(
    connection: ChannelModel,
    options: AmqpWorkerOptions,
    handler: EventHandler,
  ): Promise<AmqpWorker> {
    void [connection, options, handler]
    return Promise.reject(
      new NotImplementedError('AmqpWorker.start', 'consume the work queue with manual acks and a prefetch'),
    )
  }

  /** Step 15: cancel the consumer, wait for the handlers in flight and ack them, close the channel. */
  close(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('AmqpWorker.close', 'drain the handlers in flight, then close'),
    )
  }
}

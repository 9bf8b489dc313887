import { NotImplementedError } from '@eda/testkit'
import type { ChannelModel } from 'amqplib'
import type { AmqpSubscribeOptions, EventHandler } from './amqp-types.ts'

/**
 * One subscriber of an exchange, on its own queue. Read the kata README, steps 8, 9 and 15.
 */
export class AmqpSubscriber {
  private constructor() {}

  /**
   * Step 8: declare the subscriber's own exclusive queue, bind it to the exchange, consume it with
   * manual acks and a prefetch; hand each message, read with `fromAmqpMessage`, to the handler.
   * Step 9: one binding per pattern.
   */
  static subscribe(
    connection: ChannelModel,
    options: AmqpSubscribeOptions,
    handler: EventHandler,
  ): Promise<AmqpSubscriber> {
    void [connection, options, handler]
    return Promise.reject(
      new NotImplementedError('AmqpSubscriber.subscribe', 'bind an exclusive queue and consume it'),
    )
  }

  /** Step 8: the name of the subscriber's own queue. */
  get queue(): string {
    throw new NotImplementedError('AmqpSubscriber.queue', "return the subscriber's queue name")
  }

  /** Steps 8 and 15: stop consuming, let handlers in flight finish, delete the queue, close the channel. */
  close(): Promise<void> {
    return Promise.reject(new NotImplementedError('AmqpSubscriber.close', 'stop and delete the queue'))
  }
}

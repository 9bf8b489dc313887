import type { EventEnvelope } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
import type { ChannelModel } from 'amqplib'
import type { AmqpPublisherOptions } from './amqp-types.ts'

/**
 * Publishes events to one exchange of RabbitMQ, on a channel of the caller's connection.
 * Read the kata README, steps 8, 9, 13 and 15.
 */
export class AmqpPublisher {
  private constructor() {}

  /**
   * Step 8: open a channel for publishing (step 13: a confirm channel, `createConfirmChannel`).
   * Listen for its 'error' events: an unheard one ends the process.
   */
  static open(connection: ChannelModel, options: AmqpPublisherOptions): Promise<AmqpPublisher> {
    void [connection, options]
    return Promise.reject(
      new NotImplementedError('AmqpPublisher.open', 'open a channel for publishing to the exchange'),
    )
  }

  /**
   * Step 8: map the envelope with `toAmqpMessage` (it validates) and publish it, persistent.
   * Step 9: routing key `routingKeyOf(domain, eventType)`. Step 13: resolve once the broker
   * confirms; reject with `PublishError` otherwise; wait for 'drain' when publish returns false.
   */
  publish(event: EventEnvelope): Promise<void> {
    void event
    return Promise.reject(
      new NotImplementedError('AmqpPublisher.publish', 'publish the event and wait for its confirm'),
    )
  }

  /** Step 15: refuse new publishes (`ClientClosedError`), wait for pending confirms, close the channel. */
  close(): Promise<void> {
    return Promise.reject(new NotImplementedError('AmqpPublisher.close', 'wait for confirms, then close'))
  }
}

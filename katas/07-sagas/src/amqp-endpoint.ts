import { NotImplementedError } from '@eda/testkit'
import type { Channel, ConfirmChannel } from 'amqplib'
import type { Dispatch, RideSagaInput } from './messages.ts'

/**
 * Step 5: a Dispatch that publishes each message to the topic exchange (`routingKeyOf`, `encode`
 * from amqp-codec.ts) and resolves only once the broker confirmed it (rejects otherwise).
 */
export function amqpDispatch(channel: ConfirmChannel, exchange: string): Dispatch {
  void [channel, exchange]
  throw new NotImplementedError('amqpDispatch', 'publish with publisher confirms')
}

export interface SagaConsumer {
  /** Stops consuming; messages not acknowledged yet go back to the queue. */
  stop(): Promise<void>
}

/**
 * Step 5: feed the saga from `queue`, one message at a time (prefetch), decoding each with
 * `decodeEvent`. Acknowledge a message only after `saga.handle` has resolved: if the process dies
 * before, the broker gives the message to the next consumer. An undecodable message is rejected
 * without requeue.
 */
export function consumeSagaInputs(
  channel: Channel,
  queue: string,
  saga: { handle(input: RideSagaInput): Promise<unknown> },
): Promise<SagaConsumer> {
  void [channel, queue, saga]
  return Promise.reject(new NotImplementedError('consumeSagaInputs', 'consume, handle, then ack'))
}

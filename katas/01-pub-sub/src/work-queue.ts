import { NotImplementedError } from '@eda/testkit'
import type { ChannelModel } from 'amqplib'
import type { WorkQueueTopology } from './amqp-types.ts'

/**
 * Step 10: declare the work queue, durable, and bind it to the exchange with each pattern.
 * Step 12: with `deadLetter`, also declare a durable fanout exchange and a durable queue bound to
 * it, and give the work queue that exchange as its `deadLetterExchange` (`x-dead-letter-exchange`).
 */
export function declareWorkQueue(connection: ChannelModel, topology: WorkQueueTopology): Promise<void> {
  void [connection, topology]
  return Promise.reject(
    new NotImplementedError('declareWorkQueue', 'declare a durable queue and bind it to the exchange'),
  )
}

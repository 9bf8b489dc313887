import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib'
import { decodeEvent, encode, routingKeyOf } from './amqp-codec.ts'
import type { Dispatch, RideSagaInput } from './messages.ts'

/** Sends the saga's messages to a topic exchange, and resolves only once the broker confirmed each. */
export function amqpDispatch(channel: ConfirmChannel, exchange: string): Dispatch {
  return (outgoing) => {
    const { content, options } = encode(outgoing)
    return new Promise<void>((resolve, reject) => {
      channel.publish(exchange, routingKeyOf(outgoing), content, options, (error) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
      )
    })
  }
}

export interface SagaConsumer {
  /** Stops consuming; messages not acknowledged yet go back to the queue. */
  stop(): Promise<void>
}

/**
 * Feeds the saga from a queue, one message at a time, acknowledging each only after the saga
 * has recorded it: a crash before that leaves it in the queue for the next consumer.
 */
export async function consumeSagaInputs(
  channel: Channel,
  queue: string,
  saga: { handle(input: RideSagaInput): Promise<unknown> },
): Promise<SagaConsumer> {
  await channel.prefetch(1)
  const onMessage = async (msg: ConsumeMessage | null) => {
    if (msg === null) return
    let input: RideSagaInput
    try {
      input = decodeEvent(msg.content)
    } catch {
      channel.nack(msg, false, false)
      return
    }
    try {
      await saga.handle(input)
      channel.ack(msg)
    } catch {
      channel.nack(msg, false, true)
    }
  }
  const { consumerTag } = await channel.consume(queue, (msg) => void onMessage(msg), { noAck: false })
  return {
    async stop() {
      await channel.cancel(consumerTag)
    },
  }
}

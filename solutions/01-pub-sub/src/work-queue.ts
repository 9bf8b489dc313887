import type { ChannelModel } from 'amqplib'
import type { WorkQueueTopology } from './amqp-types.ts'

/**
 * Declares a durable work queue (and binds it), with its dead-letter exchange and queue when asked.
 * Idempotent: every worker may call it at start; a declaration that differs from the existing one
 * fails with 406 PRECONDITION_FAILED instead of changing it.
 */
export async function declareWorkQueue(connection: ChannelModel, topology: WorkQueueTopology): Promise<void> {
  const channel = await connection.createChannel()
  let failure: Error | undefined
  channel.on('error', (error: Error) => {
    failure = error
  })
  try {
    const { deadLetter } = topology
    if (deadLetter !== undefined) {
      await channel.assertExchange(deadLetter.exchange, 'fanout', { durable: true })
      await channel.assertQueue(deadLetter.queue, { durable: true })
      await channel.bindQueue(deadLetter.queue, deadLetter.exchange, '')
    }
    await channel.assertQueue(
      topology.queue,
      deadLetter === undefined
        ? { durable: true }
        : { durable: true, deadLetterExchange: deadLetter.exchange },
    )
    if (topology.exchange !== undefined) {
      for (const pattern of new Set(topology.patterns ?? ['#']))
        await channel.bindQueue(topology.queue, topology.exchange, pattern)
    }
  } catch (error) {
    throw failure ?? error
  } finally {
    await channel.close().catch(() => undefined)
  }
}

import { type EventEnvelope, routingKeyOf, toAmqpMessage } from '@eda/events'
import type { Channel, ChannelModel } from 'amqplib'
import type { AmqpPublisherOptions } from '../../src/amqp-types.ts'
import { ClientClosedError } from '../../src/client-closed-error.ts'

/**
 * BUG: no publisher confirms. A plain channel, and publish "succeeds" as soon as the bytes are in
 * amqplib's buffer: a publish to a missing exchange resolves, the broker's 404 closes the channel
 * afterwards, and the event is gone without anyone knowing.
 */
export class AmqpPublisher {
  readonly #connection: ChannelModel
  readonly #exchange: string
  readonly #domain: string
  #channel: Promise<Channel> | undefined
  #closed = false

  private constructor(connection: ChannelModel, options: AmqpPublisherOptions) {
    this.#connection = connection
    this.#exchange = options.exchange
    this.#domain = options.domain
  }

  static async open(connection: ChannelModel, options: AmqpPublisherOptions): Promise<AmqpPublisher> {
    const publisher = new AmqpPublisher(connection, options)
    await publisher.#current()
    return publisher
  }

  async publish(event: EventEnvelope): Promise<void> {
    if (this.#closed) throw new ClientClosedError('publisher', 'publish')
    const message = toAmqpMessage(event)
    const channel = await this.#current()
    const room = channel.publish(
      this.#exchange,
      routingKeyOf(this.#domain, message.options.type),
      message.content,
      { ...message.options, persistent: true },
    )
    if (!room) await new Promise((resolve) => channel.once('drain', resolve))
  }

  async close(): Promise<void> {
    this.#closed = true
    const channel = await this.#channel
    this.#channel = undefined
    await channel?.close().catch(() => undefined)
  }

  #current(): Promise<Channel> {
    this.#channel ??= this.#connection.createChannel().then((channel) => {
      channel.on('error', () => undefined)
      channel.once('close', () => {
        this.#channel = undefined
      })
      return channel
    })
    return this.#channel
  }
}

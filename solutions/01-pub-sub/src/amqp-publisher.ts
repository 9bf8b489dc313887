import { type AmqpMessage, type EventEnvelope, routingKeyOf, toAmqpMessage } from '@eda/events'
import type { ChannelModel, ConfirmChannel } from 'amqplib'
import type { AmqpPublisherOptions } from './amqp-types.ts'
import { ClientClosedError } from './client-closed-error.ts'
import { positiveInteger } from './positive-integer.ts'
import { PublishError } from './publish-error.ts'

/** A confirm channel and the broker error that closed it, if one did. */
interface PublishChannel {
  readonly channel: ConfirmChannel
  failure: Error | undefined
}

/**
 * Publishes events to one exchange and resolves each publish only once the broker confirmed it.
 * Writes go out in call order: at once while the channel is open and its buffer has room, else
 * queued behind the channel's opening or its 'drain' (publish returned false). A broker error
 * (404: no such exchange) rejects the publishes it affects, and the next publish opens a new channel.
 */
export class AmqpPublisher {
  readonly #connection: ChannelModel
  readonly #exchange: string
  readonly #domain: string
  readonly #highWaterMark: number | undefined
  #current: Promise<PublishChannel> | undefined
  /** The open channel, once `#current` has resolved; undefined while opening or after it closed. */
  #ready: PublishChannel | undefined
  #generation = 0
  /** Writes waiting for the channel to open or for room in its buffer, chained in call order. */
  #writes: Promise<void> = Promise.resolve()
  #queued = 0
  /** Publishes written but not confirmed yet, and who waits for them all (close). */
  #unconfirmed = 0
  #allConfirmed: Array<() => void> = []
  #closing: Promise<void> | undefined

  private constructor(connection: ChannelModel, options: AmqpPublisherOptions) {
    this.#connection = connection
    this.#exchange = options.exchange
    this.#domain = options.domain
    this.#highWaterMark =
      options.highWaterMark === undefined
        ? undefined
        : positiveInteger('highWaterMark', options.highWaterMark)
  }

  /** Opens the publisher's confirm channel; the exchange itself is not checked until a publish. */
  static async open(connection: ChannelModel, options: AmqpPublisherOptions): Promise<AmqpPublisher> {
    const publisher = new AmqpPublisher(connection, options)
    await publisher.#channel()
    return publisher
  }

  /** Resolves when the broker confirmed the event; rejects with `PublishError` when it did not. */
  async publish(event: EventEnvelope): Promise<void> {
    if (this.#closing) throw new ClientClosedError('publisher', 'publish')
    // Validates the envelope: an invalid one rejects with MessageValidationError, nothing is sent.
    const message = toAmqpMessage(event)
    const routingKey = routingKeyOf(this.#domain, message.options.type)
    this.#unconfirmed++
    try {
      await this.#send(routingKey, message)
    } finally {
      if (--this.#unconfirmed === 0) for (const resolve of this.#allConfirmed.splice(0)) resolve()
    }
  }

  /** Refuses new publishes, waits for every accepted one to be confirmed, then closes its channel. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#writes
      if (this.#unconfirmed > 0) await new Promise<void>((resolve) => this.#allConfirmed.push(resolve))
      const current = await this.#current?.catch(() => undefined)
      this.#current = undefined
      this.#ready = undefined
      await current?.channel.close().catch(() => undefined)
    })()
    return this.#closing
  }

  #send(routingKey: string, message: AmqpMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const fail = (cause: unknown) =>
        reject(new PublishError(this.#exchange, routingKey, message.options.messageId, cause))
      /** Writes the message; false when the buffer is full and the next write must wait for 'drain'. */
      const write = (current: PublishChannel): boolean => {
        try {
          return current.channel.publish(
            this.#exchange,
            routingKey,
            message.content,
            { ...message.options, persistent: true },
            // A closed channel calls back with a bare "channel closed": the broker's reason came first.
            (error: unknown) => (error ? fail(current.failure ?? error) : resolve()),
          )
        } catch (error) {
          fail(current.failure ?? error) // the channel was closed already
          return true
        }
      }
      const ready = this.#ready
      if (ready !== undefined && this.#queued === 0) {
        // Nothing waits before this write: no need to queue it.
        if (!write(ready)) this.#enqueue(() => drained(ready.channel))
        return
      }
      this.#enqueue(async () => {
        try {
          const current = await this.#channel()
          if (!write(current)) await drained(current.channel)
        } catch (error) {
          fail(error) // the channel could not be opened
        }
      })
    })
  }

  /** Chains work that must finish before any later write; it never rejects. */
  #enqueue(work: () => Promise<void>): void {
    this.#queued++
    this.#writes = this.#writes.then(work).finally(() => {
      this.#queued--
    })
  }

  /** The open channel, or a new one when the last was closed (by a broker error, say). */
  #channel(): Promise<PublishChannel> {
    if (this.#current === undefined) {
      const generation = ++this.#generation
      this.#current = this.#open(() => {
        if (this.#generation !== generation) return
        this.#current = undefined
        this.#ready = undefined
      })
    }
    return this.#current
  }

  async #open(forget: () => void): Promise<PublishChannel> {
    let channel: ConfirmChannel
    try {
      channel = await this.#connection.createConfirmChannel(
        this.#highWaterMark === undefined ? undefined : { highWaterMark: this.#highWaterMark },
      )
    } catch (error) {
      forget() // the next publish tries again
      throw error
    }
    const current: PublishChannel = { channel, failure: undefined }
    // Without an 'error' listener a 404 would be thrown from the emitter and end the process.
    channel.on('error', (error: Error) => {
      current.failure = error
    })
    channel.once('close', forget)
    this.#ready = current
    return current
  }
}

/** Resolves once the channel's buffer has room again, or the channel is gone. */
function drained(channel: ConfirmChannel): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      channel.off('drain', done)
      channel.off('close', done)
      resolve()
    }
    channel.on('drain', done)
    channel.on('close', done)
  })
}

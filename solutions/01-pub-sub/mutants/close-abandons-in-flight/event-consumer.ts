import { type EventEnvelope, fromAmqpMessage } from '@eda/events'
import type { ChannelModel, ConfirmChannel, ConsumeMessage, Options } from 'amqplib'
import {
  type ConsumerFailure,
  type EventHandler,
  type FailureOutcome,
  type FailureReason,
  WORKER_HEADERS,
} from '../../src/amqp-types.ts'

export interface ConsumerSettings {
  /** The queue to consume, or how to declare it on the consumer's channel (returns its name). */
  readonly queue: string | ((channel: ConfirmChannel) => Promise<string>)
  readonly prefetch: number
  readonly maxAttempts: number
  readonly deadLetterExchange?: string | undefined
  readonly onError?: ((failure: ConsumerFailure) => void) | undefined
}

/** A consumer the broker cancelled: its queue was deleted, or it was a server-side decision. */
export class ConsumerCancelledError extends Error {
  override readonly name = 'ConsumerCancelledError'
  constructor(readonly queue: string) {
    super(`the broker cancelled the consumer of queue ${queue} (was the queue deleted?)`)
  }
}

const attemptOf = (message: ConsumeMessage): number => {
  const value = Number(message.properties.headers?.[WORKER_HEADERS.attempt] ?? 1)
  return Number.isSafeInteger(value) && value > 0 ? value : 1
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** The message again, with extra headers: for a retry copy or a dead letter. */
function republished(message: ConsumeMessage, headers: Record<string, unknown>): Options.Publish {
  const p = message.properties
  const options: Options.Publish = { headers: { ...p.headers, ...headers } }
  for (const key of [
    'contentType',
    'contentEncoding',
    'deliveryMode',
    'priority',
    'correlationId',
    'messageId',
    'timestamp',
    'type',
    'appId',
  ] as const) {
    if (p[key] !== undefined) Object.assign(options, { [key]: p[key] })
  }
  return options
}

/**
 * One consumer on its own confirm channel: validates each message, runs the handler, and
 * acknowledges only once the handler has settled. A failure is retried (a copy with the next
 * attempt number goes to the back of the queue), then given up: dead-lettered with the reason, or
 * rejected. Nothing it does throws at the caller or leaves an 'error' event unheard.
 */
export class EventConsumer {
  readonly #channel: ConfirmChannel
  readonly #queue: string
  readonly #handler: EventHandler
  readonly #settings: ConsumerSettings
  readonly #inFlight = new Set<Promise<void>>()
  #consumerTag: string | undefined
  #closing: Promise<void> | undefined

  private constructor(
    channel: ConfirmChannel,
    queue: string,
    handler: EventHandler,
    settings: ConsumerSettings,
  ) {
    this.#channel = channel
    this.#queue = queue
    this.#handler = handler
    this.#settings = settings
  }

  get queue(): string {
    return this.#queue
  }

  static async start(
    connection: ChannelModel,
    settings: ConsumerSettings,
    handler: EventHandler,
  ): Promise<EventConsumer> {
    const channel = await connection.createConfirmChannel()
    let queue = typeof settings.queue === 'string' ? settings.queue : '(not declared yet)'
    // A protocol error closes the channel; without a listener it would also end the process.
    channel.on('error', (error: Error) => report(settings, { queue, reason: 'channel-error', error }))
    try {
      if (typeof settings.queue !== 'string') queue = await settings.queue(channel)
      await channel.prefetch(settings.prefetch)
      const consumer = new EventConsumer(channel, queue, handler, settings)
      const { consumerTag } = await channel.consume(queue, (message) => consumer.#receive(message), {
        noAck: false,
      })
      consumer.#consumerTag = consumerTag
      return consumer
    } catch (error) {
      await quietly(() => channel.close())
      throw error
    }
  }

  /**
   * Stops new deliveries, lets the handlers in flight finish (and acknowledges them), runs
   * `beforeClose` on the channel (a subscriber deletes its queue there), and closes the channel.
   */
  close(beforeClose?: (channel: ConfirmChannel) => Promise<unknown>): Promise<void> {
    this.#closing ??= (async () => {
      const tag = this.#consumerTag
      this.#consumerTag = undefined
      // Deliveries sent before the cancel arrive before its reply: they are in flight by then.
      if (tag !== undefined) await quietly(() => this.#channel.cancel(tag))
      // BUG: the handlers in flight are not awaited: the channel closes under them, their acks are
      // lost, and their messages are redelivered although their work was done.
      if (beforeClose !== undefined) await quietly(() => beforeClose(this.#channel))
      // Already closed when its connection died: there is nothing left to close then.
      await quietly(() => this.#channel.close())
    })()
    return this.#closing
  }

  #receive(message: ConsumeMessage | null): void {
    if (message === null) {
      // The broker cancelled us (the queue was deleted): nothing more will come.
      this.#consumerTag = undefined
      report(this.#settings, {
        queue: this.#queue,
        reason: 'cancelled',
        error: new ConsumerCancelledError(this.#queue),
      })
      return
    }
    const task = this.#handle(message).finally(() => this.#inFlight.delete(task))
    this.#inFlight.add(task)
  }

  /** Never rejects: every outcome is an ack, a retry, a dead letter or a reject. */
  async #handle(message: ConsumeMessage): Promise<void> {
    const attempt = attemptOf(message)
    let event: EventEnvelope
    try {
      event = fromAmqpMessage(message)
    } catch (error) {
      // Retrying cannot fix a malformed message: give it up at once.
      await this.#giveUp(message, 'invalid-message', error, attempt)
      return
    }
    try {
      await this.#handler(event, {
        routingKey: message.fields.routingKey,
        redelivered: message.fields.redelivered,
        attempt,
      })
    } catch (error) {
      if (attempt < this.#settings.maxAttempts) await this.#retry(message, error, attempt, event)
      else await this.#giveUp(message, 'handler-failed', error, attempt, event)
      return
    }
    this.#settle(() => this.#channel.ack(message))
  }

  async #retry(
    message: ConsumeMessage,
    error: unknown,
    attempt: number,
    event: EventEnvelope,
  ): Promise<void> {
    const copy = republished(message, { [WORKER_HEADERS.attempt]: attempt + 1 })
    // The copy goes to the back of the queue, so the events behind it are not held up.
    const sent = await this.#publish('', this.#queue, message, copy)
    if (!sent) return // the channel is gone: the broker redelivers the original
    this.#settle(() => this.#channel.ack(message))
    this.#report('handler-failed', error, attempt, 'retried', event)
  }

  async #giveUp(
    message: ConsumeMessage,
    reason: 'handler-failed' | 'invalid-message',
    error: unknown,
    attempt: number,
    event?: EventEnvelope,
  ): Promise<void> {
    const exchange = this.#settings.deadLetterExchange
    if (exchange === undefined) {
      this.#settle(() => this.#channel.nack(message, false, false))
      this.#report(reason, error, attempt, 'dropped', event)
      return
    }
    const letter = republished(message, {
      [WORKER_HEADERS.attempt]: attempt,
      [WORKER_HEADERS.reason]: reason,
      [WORKER_HEADERS.error]: describe(error),
      [WORKER_HEADERS.queue]: this.#queue,
    })
    if (!(await this.#publish(exchange, this.#queue, message, letter))) return
    this.#settle(() => this.#channel.ack(message))
    this.#report(reason, error, attempt, 'dead-lettered', event)
  }

  /** Publishes on the consumer's confirm channel; true once the broker confirmed. */
  #publish(exchange: string, routingKey: string, message: ConsumeMessage, options: Options.Publish) {
    return new Promise<boolean>((resolve) => {
      try {
        this.#channel.publish(exchange, routingKey, message.content, options, (error: unknown) =>
          resolve(!error),
        )
      } catch {
        resolve(false)
      }
    })
  }

  /** Acks and nacks throw once the channel is closed; the broker then requeues the message itself. */
  #settle(settle: () => void): void {
    try {
      settle()
    } catch {
      // The channel died with the message unacknowledged: it will be redelivered.
    }
  }

  #report(
    reason: FailureReason,
    error: unknown,
    attempt: number,
    outcome: FailureOutcome,
    event: EventEnvelope | undefined,
  ): void {
    report(this.#settings, {
      queue: this.#queue,
      reason,
      error,
      attempt,
      outcome,
      ...(event === undefined ? {} : { event }),
    })
  }
}

/** A throwing `onError` must not break the consumer. */
function report(settings: ConsumerSettings, failure: ConsumerFailure): void {
  try {
    settings.onError?.(failure)
  } catch {
    // The reporter's own failure has nowhere better to go.
  }
}

/** Runs a broker call whose failure changes nothing (the channel is gone already). */
async function quietly(work: () => Promise<unknown>): Promise<void> {
  try {
    await work()
  } catch {
    // Nothing to undo.
  }
}

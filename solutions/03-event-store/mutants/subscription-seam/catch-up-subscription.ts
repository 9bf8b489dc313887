import type { EventStore, SubscribeOptions, Subscription, SubscriptionEnd } from '../../src/types.ts'
import { type SubscriptionSettings, validateSubscribeOptions } from '../../src/validation.ts'

/** What a subscription reads from: any store. */
export type EventLog = Pick<EventStore, 'readAll' | 'headPosition'>

/**
 * A catch-up subscription that is only ever a reader: it asks the log for the events after its
 * checkpoint, hands them over one at a time, moves the checkpoint, and asks again. History and
 * live events come through the same query, so there is no seam where an event could fall
 * between "the history I read" and "the live feed I joined", nor be seen twice.
 */
export class CatchUpSubscription implements Subscription {
  readonly done: Promise<SubscriptionEnd>
  readonly #log: EventLog
  readonly #settings: SubscriptionSettings
  #checkpoint: bigint
  #stopping = false
  #wake: (() => void) | undefined

  /** Starts a subscription; resolves once its starting position is known. */
  static async start(log: EventLog, options: SubscribeOptions): Promise<CatchUpSubscription> {
    const settings = validateSubscribeOptions(options)
    const after = settings.after ?? (await log.headPosition())
    return new CatchUpSubscription(log, settings, after)
  }

  private constructor(log: EventLog, settings: SubscriptionSettings, after: bigint) {
    this.#log = log
    this.#settings = settings
    this.#checkpoint = after
    this.done = this.#run()
  }

  get checkpoint(): bigint {
    return this.#checkpoint
  }

  async stop(): Promise<void> {
    this.#stopping = true
    this.#wake?.()
    await this.done
  }

  async #run(): Promise<SubscriptionEnd> {
    const { handler, onCaughtUp, batchSize } = this.#settings
    let caughtUp = false
    // History first: everything there is now, in one read.
    try {
      for (const event of await this.#log.readAll({ after: this.#checkpoint })) {
        if (this.#stopping) return { reason: 'stopped' }
        try {
          await handler(event)
        } catch (error) {
          return { reason: 'handler-failed', event, error }
        }
        this.#checkpoint = event.globalPosition
      }
      // Then live: join at the end of the log.
      this.#checkpoint = await this.#log.headPosition()
    } catch (error) {
      return { reason: 'read-failed', error }
    }
    while (!this.#stopping) {
      let batch: Awaited<ReturnType<EventLog['readAll']>>
      try {
        batch = await this.#log.readAll({ after: this.#checkpoint, maxCount: batchSize })
      } catch (error) {
        return this.#stopping ? { reason: 'stopped' } : { reason: 'read-failed', error }
      }
      for (const event of batch) {
        if (this.#stopping) return { reason: 'stopped' }
        try {
          await handler(event)
        } catch (error) {
          // The checkpoint stays on the last event handled: a restart delivers this one again.
          return { reason: 'handler-failed', event, error }
        }
        this.#checkpoint = event.globalPosition
      }
      if (batch.length < batchSize) {
        if (!caughtUp) {
          caughtUp = true
          try {
            onCaughtUp()
          } catch {
            // A signal for the caller; its failure is not a delivery failure.
          }
        }
        await this.#pause()
      }
    }
    return { reason: 'stopped' }
  }

  /** Waits for the poll interval, or less if `stop()` is called. */
  #pause(): Promise<void> {
    if (this.#stopping) return Promise.resolve()
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        this.#wake = undefined
        resolve()
      }
      const timer = setTimeout(wake, this.#settings.pollIntervalMs)
      this.#wake = wake
    })
  }
}

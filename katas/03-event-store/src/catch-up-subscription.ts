import { NotImplementedError } from '@eda/testkit'
import type { EventStore, SubscribeOptions, Subscription, SubscriptionEnd } from './types.ts'

/** What a subscription reads from: any store. */
export type EventLog = Pick<EventStore, 'readAll' | 'headPosition'>

/**
 * Step 6: a catch-up subscription, written once for both stores. It hands over the history, then
 * the live events, one at a time, with no gap and no duplicate where one turns into the other.
 */
export class CatchUpSubscription implements Subscription {
  /**
   * Validates the options (step 7), finds where to start (`start`: 0n, `end`: the log's head,
   * `{ after }`: there), then starts handing over events in the background.
   */
  static start(log: EventLog, options: SubscribeOptions): Promise<CatchUpSubscription> {
    void [log, options]
    return Promise.reject(
      new NotImplementedError('CatchUpSubscription.start', 'find the starting position and start delivering'),
    )
  }

  /** The global position of the last event the handler finished. */
  get checkpoint(): bigint {
    throw new NotImplementedError('CatchUpSubscription.checkpoint', 'return the last handled position')
  }

  /** Settles when the subscription ends, with why: stopped, handler-failed or read-failed. */
  get done(): Promise<SubscriptionEnd> {
    return Promise.reject(
      new NotImplementedError('CatchUpSubscription.done', 'settle when the subscription ends'),
    )
  }

  /** Stop polling, wait for the handler in flight, resolve. A second call resolves too. */
  stop(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('CatchUpSubscription.stop', 'stop and wait for the handler'),
    )
  }
}

import { NotImplementedError } from '@eda/testkit'
import { type Observable, Subject } from 'rxjs'
import type {
  DeliveryError,
  DroppedEvent,
  EventBusOptions,
  Handler,
  Selector,
  SubscribeOptions,
  Subscription,
} from './types.ts'

/**
 * An in-process publish/subscribe bus. Publishers name a topic (`shop.order.placed`); subscribers
 * choose an event type or a topic pattern. Read the kata README for each step's rules.
 */
export class EventBus {
  // Steps 5 and 6: report handler failures and dropped events here (rxjs Subjects are a good fit).
  readonly errors$: Observable<DeliveryError> = new Subject<DeliveryError>()
  readonly dropped$: Observable<DroppedEvent> = new Subject<DroppedEvent>()

  /** Step 6: validate `bufferSize` (a positive integer, default 1000) and `overflow` (default drop-oldest). */
  constructor(options: EventBusOptions = {}) {
    void options
  }

  /** Step 3: how many subscriptions are active. */
  get subscriberCount(): number {
    throw new NotImplementedError('EventBus.subscriberCount', 'count the active subscriptions')
  }

  /** Step 2: register a handler for an event type or a topic pattern; steps 3–6 refine it. */
  subscribe(selector: Selector, handler: Handler, options: SubscribeOptions = {}): Subscription {
    void [selector, handler, options]
    throw new NotImplementedError('EventBus.subscribe', 'deliver matching events to this handler')
  }

  /** Step 2: validate the envelope and topic, then hand the event to every matching subscriber. */
  publish(topic: string, event: unknown): Promise<void> {
    void [topic, event]
    return Promise.reject(
      new NotImplementedError('EventBus.publish', 'deliver the event to matching subscribers'),
    )
  }

  /** Step 7: refuse new work, deliver what was accepted, then complete errors$ and dropped$. */
  close(): Promise<void> {
    return Promise.reject(new NotImplementedError('EventBus.close', 'drain the subscribers and stop'))
  }
}

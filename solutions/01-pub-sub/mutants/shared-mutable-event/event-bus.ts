import { parseEvent } from '@eda/events'
import { filter, type Observable, Subject } from 'rxjs'
import { BusClosedError } from '../../src/bus-closed-error.ts'
import { InvalidOptionError } from '../../src/invalid-option-error.ts'
import { type Delivery, SubscriberQueue } from '../../src/subscriber-queue.ts'
import { assertValidPattern, assertValidTopic, topicMatches } from '../../src/topic-matcher.ts'
import type {
  DeliveredEvent,
  DeliveryError,
  DroppedEvent,
  EventBusOptions,
  Handler,
  OverflowPolicy,
  Selector,
  SubscribeOptions,
  Subscription,
} from '../../src/types.ts'

const POLICIES: readonly OverflowPolicy[] = ['drop-oldest', 'drop-newest', 'unsubscribe']

function checkBufferSize(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new InvalidOptionError(option, value, 'a positive integer')
  return value
}

function checkPolicy(option: string, value: unknown): OverflowPolicy {
  if (!POLICIES.includes(value as OverflowPolicy))
    throw new InvalidOptionError(option, value, POLICIES.join(' | '))
  return value as OverflowPolicy
}

/** An in-process publish/subscribe bus: publishers name a topic, subscribers pick what they hear. */
export class EventBus {
  readonly #published = new Subject<Delivery>()
  readonly #errors = new Subject<DeliveryError>()
  readonly #dropped = new Subject<DroppedEvent>()
  readonly #queues = new Set<SubscriberQueue>()
  readonly #bufferSize: number
  readonly #overflow: OverflowPolicy
  #closing: Promise<void> | undefined
  #count = 0

  /** Handler failures, with the event and the subscriber; delivery goes on. */
  readonly errors$: Observable<DeliveryError> = this.#errors.asObservable()
  /** Events discarded by a full buffer, with the subscriber and the policy that applied. */
  readonly dropped$: Observable<DroppedEvent> = this.#dropped.asObservable()

  constructor(options: EventBusOptions = {}) {
    this.#bufferSize = checkBufferSize('bufferSize', options.bufferSize ?? 1000)
    this.#overflow = checkPolicy('overflow', options.overflow ?? 'drop-oldest')
  }

  get subscriberCount(): number {
    return this.#queues.size
  }

  subscribe(selector: Selector, handler: Handler, options: SubscribeOptions = {}): Subscription {
    if (this.#closing) throw new BusClosedError('subscribe')
    if (typeof handler !== 'function') throw new InvalidOptionError('handler', handler, 'a function')
    const matches = this.#matcher(selector)
    const queue = new SubscriberQueue(
      options.name ?? `subscriber-${++this.#count}`,
      handler,
      checkBufferSize('bufferSize', options.bufferSize ?? this.#bufferSize),
      checkPolicy('overflow', options.overflow ?? this.#overflow),
      {
        onError: (report) => this.#errors.next(report),
        onDrop: (report) => this.#dropped.next(report),
        onClosed: () => {
          this.#queues.delete(queue)
          feed.unsubscribe()
        },
      },
    )
    const feed = this.#published.pipe(filter(matches)).subscribe((delivery) => queue.offer(delivery))
    this.#queues.add(queue)
    return queue
  }

  /** Resolves once every matching subscriber has the event in its buffer; handlers run afterwards. */
  async publish(topic: string, event: unknown): Promise<void> {
    if (this.#closing) throw new BusClosedError('publish')
    assertValidTopic(topic)
    // Validate at the boundary, and freeze: every subscriber sees the same immutable fact.
    parseEvent(event)
    this.#published.next({ topic, event: event as DeliveredEvent })
  }

  /** Accepts nothing more, delivers what was accepted, then completes `errors$` and `dropped$`. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#published.complete()
      await Promise.all([...this.#queues].map((q) => q.idle()))
      this.#errors.complete()
      this.#dropped.complete()
    })()
    return this.#closing
  }

  #matcher(selector: Selector): (delivery: Delivery) => boolean {
    if ('eventType' in selector) {
      const { eventType } = selector
      if (typeof eventType !== 'string' || eventType === '')
        throw new InvalidOptionError('selector.eventType', eventType, 'a non-empty event type')
      return (d) => d.event.eventType === eventType
    }
    const pattern = (selector as { topic?: unknown }).topic
    assertValidPattern(pattern as string)
    return (d) => topicMatches(pattern as string, d.topic)
  }
}

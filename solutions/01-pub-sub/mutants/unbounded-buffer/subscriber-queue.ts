import type {
  DeliveredEvent,
  DeliveryError,
  DroppedEvent,
  Handler,
  OverflowPolicy,
  Subscription,
} from '../../src/types.ts'

export interface Delivery {
  readonly topic: string
  readonly event: DeliveredEvent
}

interface QueueHooks {
  readonly onError: (report: DeliveryError) => void
  readonly onDrop: (report: DroppedEvent) => void
  readonly onClosed: () => void
}

/**
 * One subscriber's bounded buffer and its delivery loop. Each subscriber has its own, so a slow or
 * failing one only ever delays itself; the loop awaits the handler, so its order is publish order.
 */
export class SubscriberQueue implements Subscription {
  readonly #buffer: Delivery[] = []
  #running = false
  #closed = false
  #idleWaiters: Array<() => void> = []

  constructor(
    readonly name: string,
    private readonly handler: Handler,
    private readonly bufferSize: number,
    private readonly overflow: OverflowPolicy,
    private readonly hooks: QueueHooks,
  ) {}

  get closed(): boolean {
    return this.#closed
  }

  offer(delivery: Delivery): void {
    if (this.#closed) return
    if (
      this.#buffer.length >= Math.max(this.bufferSize, Number.MAX_SAFE_INTEGER) &&
      !this.#makeRoom(delivery)
    )
      return
    this.#buffer.push(delivery)
    if (!this.#running) {
      this.#running = true
      // Start on a microtask: handlers never run inside the publisher's call.
      queueMicrotask(() => void this.#drain())
    }
  }

  unsubscribe(): void {
    if (this.#closed) return
    this.#closed = true
    this.#buffer.length = 0
    this.hooks.onClosed()
    if (!this.#running) this.#notifyIdle()
  }

  /** Resolves when nothing is waiting or in flight. */
  idle(): Promise<void> {
    if (!this.#running && this.#buffer.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.#idleWaiters.push(resolve))
  }

  /** Applies the overflow policy; true when the incoming event may still be buffered. */
  #makeRoom(incoming: Delivery): boolean {
    if (this.overflow === 'drop-newest') {
      this.#drop(incoming)
      return false
    }
    if (this.overflow === 'unsubscribe') {
      for (const waiting of this.#buffer.splice(0)) this.#drop(waiting)
      this.#drop(incoming)
      this.unsubscribe()
      return false
    }
    const oldest = this.#buffer.shift()
    if (oldest) this.#drop(oldest)
    return true
  }

  #drop(delivery: Delivery): void {
    this.hooks.onDrop({ subscriber: this.name, event: delivery.event, policy: this.overflow })
  }

  async #drain(): Promise<void> {
    for (let next = this.#buffer.shift(); next && !this.#closed; next = this.#buffer.shift()) {
      try {
        await this.handler(next.event, next.topic)
      } catch (error) {
        this.hooks.onError({ subscriber: this.name, event: next.event, error })
      }
    }
    this.#running = false
    this.#notifyIdle()
  }

  #notifyIdle(): void {
    const waiters = this.#idleWaiters
    this.#idleWaiters = []
    for (const resolve of waiters) resolve()
  }
}

import type { StoredEvent, SubscribeOptions, Subscription } from './types.ts'

interface Subscriber {
  offer(events: readonly StoredEvent[]): void
}

/**
 * Given: in-process subscriptions for the event logs. A subscriber first catches up from the log,
 * then receives what is appended through this log object; one event at a time, in global order,
 * never twice. (Not a cross-process subscription: kata 03 covers those.)
 */
export class LiveFeed {
  readonly #subscribers = new Set<Subscriber>()

  publish(events: readonly StoredEvent[]): void {
    for (const subscriber of this.#subscribers) subscriber.offer(events)
  }

  subscribe(
    handler: (event: StoredEvent) => void | Promise<void>,
    options: SubscribeOptions,
    catchUp: (after: number) => Promise<readonly StoredEvent[]>,
  ): Subscription {
    const queue: StoredEvent[] = []
    const early: StoredEvent[] = []
    let last = options.after ?? 0
    let caughtUp = false
    let running = false
    let closed = false

    const stop = (error?: unknown) => {
      if (closed) return
      closed = true
      queue.length = 0
      this.#subscribers.delete(subscriber)
      if (error !== undefined) options.onError?.(error)
    }
    const pump = async () => {
      running = true
      while (!closed && queue.length > 0) {
        const event = queue.shift() as StoredEvent
        try {
          await handler(event)
        } catch (error) {
          stop(error)
        }
      }
      running = false
    }
    const enqueue = (events: readonly StoredEvent[]) => {
      for (const event of events) {
        if (event.globalPosition <= last) continue
        queue.push(event)
        last = event.globalPosition
      }
      if (!running && !closed) void pump()
    }
    const subscriber: Subscriber = {
      offer: (events) => (caughtUp ? enqueue(events) : early.push(...events)),
    }

    this.#subscribers.add(subscriber)
    catchUp(last).then(
      (events) => {
        caughtUp = true
        enqueue([...events, ...early.splice(0)])
      },
      (error: unknown) => stop(error ?? new Error('catch-up failed')),
    )
    return { unsubscribe: () => stop() }
  }
}

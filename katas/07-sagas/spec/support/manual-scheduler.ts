import type { Scheduler } from '#impl'

interface Timer {
  readonly due: number
  readonly fn: () => void
}

/** A scheduler whose time moves only when the spec calls `advance`: timeouts without waiting. */
export class ManualScheduler implements Scheduler {
  #now = Date.parse('2024-01-15T10:30:00.000Z')
  readonly #timers = new Set<Timer>()

  now = (): Date => new Date(this.#now)

  setTimeout(fn: () => void, ms: number): () => void {
    const timer = { due: this.#now + ms, fn }
    this.#timers.add(timer)
    return () => this.#timers.delete(timer)
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.#timers.size
  }

  advance(ms: number): void {
    this.#now += ms
    const due = [...this.#timers].filter((t) => t.due <= this.#now).sort((a, b) => a.due - b.due)
    for (const timer of due) {
      this.#timers.delete(timer)
      timer.fn()
    }
  }
}

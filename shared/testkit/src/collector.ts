import { waitFor } from './wait-for.ts'

/** Collects what a handler receives, and waits until a number of items arrived. */
export class Collector<T> {
  readonly items: T[] = []

  /** A handler to pass to a subscribe call. */
  readonly push = (item: T): void => {
    this.items.push(item)
  }

  async waitForCount(count: number, what: string, timeoutMs = 2_000): Promise<T[]> {
    await waitFor(() => this.items.length >= count, {
      what: `${count} ${what} (got ${this.items.length})`,
      timeoutMs,
    })
    return this.items.slice(0, count)
  }
}

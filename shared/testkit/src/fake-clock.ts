/** A clock a spec moves by hand: factories take it instead of reading the system time. */
export class FakeClock {
  #now: number
  constructor(start: Date | string = '2024-01-15T10:30:00.000Z') {
    this.#now = new Date(start).getTime()
  }
  readonly now = (): Date => new Date(this.#now)
  advance(ms: number): void {
    this.#now += ms
  }
}

/** Ids `prefix-1`, `prefix-2`, ...: deterministic stand-ins for random UUIDs. */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}-${++n}`
}

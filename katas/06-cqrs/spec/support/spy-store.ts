import type { EventEnvelope } from '@eda/events'
import type { AppendResult, EventStore, ReadStreamResult } from '#impl'

/**
 * Wraps a store to count reads and appends and, optionally, to let a competitor write between
 * a handler's read and its append (`afterRead` runs before the read result is returned).
 */
export class SpyStore implements EventStore {
  reads = 0
  appends = 0
  constructor(
    readonly inner: EventStore,
    private readonly afterRead?: (streamId: string, read: number) => Promise<void>,
  ) {}

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const result = await this.inner.readStream(streamId)
    this.reads++
    await this.afterRead?.(streamId, this.reads)
    return result
  }

  appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: { readonly expectedVersion: number },
  ): Promise<AppendResult> {
    this.appends++
    return this.inner.appendToStream(streamId, events, options)
  }

  readAll(options: { readonly after: number; readonly limit: number }) {
    return this.inner.readAll(options)
  }

  subscribe(listener: () => void) {
    return this.inner.subscribe(listener)
  }
}

import { deferred, waitFor } from '@eda/testkit'
import type { AppendOptions, EventStore, ReadAllOptions, RecordedEvent } from '#impl'

/**
 * An append held open inside its `beforeCommit` hook: it has its positions (on PostgreSQL its
 * transaction has inserted the rows) but has not committed. `commit()` lets it finish, `abort()`
 * makes the hook throw so the append rolls back. Always end a hold in a `finally`: an open
 * transaction would keep the test's schema locked.
 */
export interface HeldAppend {
  /** Resolves with the global position of the held batch's first event, once it is held. */
  readonly held: Promise<bigint>
  /** How the append ended: its result, or its error. */
  readonly settled: Promise<{ ok: true } | { ok: false; error: unknown }>
  commit(): void
  abort(reason?: Error): void
}

export function holdAppendOpen(
  store: EventStore,
  streamId: string,
  events: Parameters<EventStore['appendToStream']>[1],
  options: Omit<AppendOptions, 'beforeCommit'> = {},
): HeldAppend {
  const held = deferred<bigint>()
  const gate = deferred<void>()
  const settled = store
    .appendToStream(streamId, events, {
      ...options,
      beforeCommit: async (recorded) => {
        held.resolve(recorded[0]!.globalPosition)
        await gate.promise
      },
    })
    .then(
      () => ({ ok: true }) as const,
      (error: unknown) => {
        // The append failed before it was held: whoever waits for the hold learns why.
        held.reject(error)
        return { ok: false, error } as const
      },
    )
  // A test that fails before awaiting `held` must not leave an unhandled rejection behind.
  held.promise.catch(() => undefined)
  return {
    held: held.promise,
    settled,
    commit: () => gate.resolve(),
    abort: (reason = new Error('rolled back on purpose')) => gate.reject(reason),
  }
}

/**
 * `readAll` once it returns at least `count` events. On PostgreSQL an event joins the global log
 * once every older transaction on the server has ended (that is what keeps readers from skipping
 * one), which can be a moment after its append returned when other specs run beside this one.
 */
export async function readAllOnceVisible(
  store: EventStore,
  count: number,
  options: ReadAllOptions = {},
): Promise<RecordedEvent[]> {
  // The first read is outside waitFor, so an error (a stub's NotImplementedError) fails at once.
  const first = await store.readAll(options)
  if (first.length >= count) return first
  return waitFor(
    async () => {
      const events = await store.readAll(options)
      return events.length >= count ? events : undefined
    },
    { what: `readAll to return ${count} events (got ${first.length} at first)`, timeoutMs: 10_000 },
  )
}

import type { EventLog } from '#impl'

/** Wraps a log and records where each stream read started: for "the load read only the tail". */
export function spyLog(log: EventLog) {
  const readFrom: number[] = []
  const spied: EventLog = {
    append: (streamId, events) => log.append(streamId, events),
    readStream: (streamId, options) => {
      readFrom.push(options?.from ?? 1)
      return log.readStream(streamId, options)
    },
    readAll: (options) => log.readAll(options),
    subscribe: (handler, options) => log.subscribe(handler, options),
  }
  return { log: spied, readFrom }
}

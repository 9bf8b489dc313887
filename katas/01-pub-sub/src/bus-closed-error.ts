/** The bus was closed: it accepts no more events or subscribers. */
export class BusClosedError extends Error {
  override readonly name = 'BusClosedError'
  constructor(readonly operation: 'publish' | 'subscribe') {
    super(`cannot ${operation}: the event bus is closed`)
  }
}

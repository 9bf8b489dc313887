/** A publisher, subscriber or worker was closed: it takes no more work (step 15). */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError'
  constructor(
    readonly client: 'publisher' | 'subscriber' | 'worker',
    readonly operation: string,
  ) {
    super(`cannot ${operation}: the ${client} is closed`)
  }
}

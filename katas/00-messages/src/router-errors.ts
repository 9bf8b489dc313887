/** A command or query type already has its one handler. */
export class HandlerAlreadyRegisteredError extends Error {
  override readonly name = 'HandlerAlreadyRegisteredError'
  constructor(
    readonly kind: 'command' | 'query',
    readonly messageType: string,
  ) {
    super(`a ${kind} has exactly one handler, and ${messageType} already has one`)
  }
}

/** A query was asked that nobody answers. */
export class NoHandlerError extends Error {
  override readonly name = 'NoHandlerError'
  constructor(
    readonly kind: 'command' | 'query',
    readonly messageType: string,
  ) {
    super(`no handler for the ${kind} ${messageType}`)
  }
}

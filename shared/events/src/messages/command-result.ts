/** The answer to a command: accepted, or refused with a reason the sender can act on. */
export type CommandResult = { readonly status: 'ack' } | { readonly status: 'nack'; readonly reason: string }

export function ack(): CommandResult {
  return { status: 'ack' }
}

export function nack(reason: string): CommandResult {
  return { status: 'nack', reason }
}

export function isAck(result: CommandResult): result is { readonly status: 'ack' } {
  return result.status === 'ack'
}

import type { CommandReply } from './types.ts'

/** The command was accepted. */
export function ack(): CommandReply {
  return { kind: 'ack' }
}

/** The command was refused, for a reason the sender can act on. */
export function nack(reason: string): CommandReply {
  return { kind: 'nack', reason }
}

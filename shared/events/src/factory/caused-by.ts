import { type Message, messageIdOf } from '../messages/message.ts'

export interface Causation {
  readonly correlationId: string
  readonly causationId: string
}

/**
 * The links for a message caused by `cause`: same flow (correlationId), direct parent
 * (causationId). Spread it into factory options: `factory.event('OrderPlaced', data, causedBy(cmd))`.
 */
export function causedBy(cause: Message): Causation {
  return { correlationId: cause.correlationId, causationId: messageIdOf(cause) }
}

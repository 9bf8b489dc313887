import type { MessageKind } from './message.ts'

export interface MessageKindTraits {
  /** Who sends it to whom. */
  readonly direction: string
  /** What the sender gets back. */
  readonly response: 'fire-and-forget' | 'ack-nack' | 'data'
  /** Whether handling it twice is harmless, as the seed article puts it. */
  readonly idempotent: 'typically' | 'usually' | 'yes'
  readonly naming: string
  readonly example: string
}

/** The seed article's "Events vs Commands vs Queries" table, as data for docs and tests. */
export const MESSAGE_KINDS: { readonly [K in MessageKind]: MessageKindTraits } = Object.freeze({
  event: Object.freeze({
    direction: 'publisher → subscribers',
    response: 'fire-and-forget',
    idempotent: 'typically',
    naming: 'past tense: a fact that happened',
    example: 'OrderPlaced',
  }),
  command: Object.freeze({
    direction: 'client → service',
    response: 'ack-nack',
    idempotent: 'usually',
    naming: 'imperative: a request that may be refused',
    example: 'PlaceOrder',
  }),
  query: Object.freeze({
    direction: 'client → service',
    response: 'data',
    idempotent: 'yes',
    naming: 'a question that changes nothing',
    example: 'GetOrderSummary',
  }),
})

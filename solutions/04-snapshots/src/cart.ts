import type { EventEnvelope, JsonValue } from '@eda/events'
import type { Aggregate } from './types.ts'

// Given, complete: the aggregate the kata snapshots. A shopping cart built from two events:
// the shop catalog's ItemAddedToCart and this kata's ItemRemovedFromCart.

export type CartLine = { readonly sku: string; readonly quantity: number; readonly unitPrice: number }

export type CartState = {
  readonly cartId: string | null
  /** In the order the skus were first added. */
  readonly lines: readonly CartLine[]
  readonly itemCount: number
  /** In major units, rounded to cents. */
  readonly total: number
}

export type ItemAddedToCartData = { cartId: string; sku: string; quantity: number; unitPrice: number }
export type ItemRemovedFromCartData = { cartId: string; sku: string; quantity: number }

const cents = (amount: number) => Math.round(amount * 100) / 100

function evolve(state: CartState, event: EventEnvelope): CartState {
  switch (event.eventType) {
    case 'ItemAddedToCart': {
      const { cartId, sku, quantity, unitPrice } = event.data as ItemAddedToCartData
      const existing = state.lines.find((line) => line.sku === sku)
      const lines = existing
        ? state.lines.map((line) =>
            line.sku === sku ? { ...line, quantity: line.quantity + quantity } : line,
          )
        : [...state.lines, { sku, quantity, unitPrice }]
      const price = existing?.unitPrice ?? unitPrice
      return {
        cartId,
        lines,
        itemCount: state.itemCount + quantity,
        total: cents(state.total + quantity * price),
      }
    }
    case 'ItemRemovedFromCart': {
      const { sku, quantity } = event.data as ItemRemovedFromCartData
      const line = state.lines.find((l) => l.sku === sku)
      if (!line) return state
      const removed = Math.min(quantity, line.quantity)
      const lines = state.lines
        .map((l) => (l.sku === sku ? { ...l, quantity: l.quantity - removed } : l))
        .filter((l) => l.quantity > 0)
      return {
        ...state,
        lines,
        itemCount: state.itemCount - removed,
        total: cents(state.total - removed * line.unitPrice),
      }
    }
    default:
      return state
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function parseLine(value: unknown): CartLine {
  if (
    !isRecord(value) ||
    typeof value.sku !== 'string' ||
    !Number.isInteger(value.quantity) ||
    (value.quantity as number) < 1 ||
    typeof value.unitPrice !== 'number' ||
    !Number.isFinite(value.unitPrice)
  )
    throw new TypeError(`not a cart line: ${JSON.stringify(value)}`)
  return { sku: value.sku, quantity: value.quantity as number, unitPrice: value.unitPrice }
}

function parseState(json: JsonValue): CartState {
  if (
    !isRecord(json) ||
    !(json.cartId === null || typeof json.cartId === 'string') ||
    !Array.isArray(json.lines) ||
    !Number.isInteger(json.itemCount) ||
    typeof json.total !== 'number' ||
    !Number.isFinite(json.total)
  )
    throw new TypeError(`not a Cart state of revision 1: ${JSON.stringify(json)?.slice(0, 80)}`)
  return {
    cartId: json.cartId,
    lines: json.lines.map(parseLine),
    itemCount: json.itemCount as number,
    total: json.total,
  }
}

export const cartAggregate: Aggregate<CartState> = {
  type: 'Cart',
  initialState: () => ({ cartId: null, lines: [], itemCount: 0, total: 0 }),
  evolve,
  snapshotRevision: 1,
  parseState,
}

/** The stream an aggregate's events live in: `Cart-c-1`. */
export const streamIdOf = (aggregateType: string, aggregateId: string): string =>
  `${aggregateType}-${aggregateId}`

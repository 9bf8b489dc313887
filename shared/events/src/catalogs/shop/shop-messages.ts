import { parseCommand } from '../../parsing/parse-command.ts'
import { parseEvent } from '../../parsing/parse-event.ts'
import type { CommandOfSchemas, EventOfSchemas } from '../../parsing/payload-schemas.ts'
import { SHOP_COMMAND_SCHEMAS } from './command-schemas.ts'
import { SHOP_EVENT_SCHEMAS } from './event-schemas.ts'

export const SHOP_DOMAIN = 'shop'

/** Every shop event, discriminated by `eventType` (and `version` for OrderPlaced). */
export type ShopEvent = EventOfSchemas<typeof SHOP_EVENT_SCHEMAS>
export type ShopEventType = ShopEvent['eventType']
export type ShopEventOf<T extends ShopEventType> = Extract<ShopEvent, { readonly eventType: T }>

export type ShopCommand = CommandOfSchemas<typeof SHOP_COMMAND_SCHEMAS>
export type ShopCommandType = ShopCommand['commandType']
export type ShopCommandOf<T extends ShopCommandType> = Extract<ShopCommand, { readonly commandType: T }>

export type ItemAddedToCart = ShopEventOf<'ItemAddedToCart'>
export type OrderPlaced = ShopEventOf<'OrderPlaced'>
export type OrderPlacedV1 = Extract<OrderPlaced, { readonly version: 1 }>
export type OrderPlacedV2 = Extract<OrderPlaced, { readonly version: 2 }>
export type OrderConfirmed = ShopEventOf<'OrderConfirmed'>
export type PaymentProcessed = ShopEventOf<'PaymentProcessed'>
export type PaymentFailed = ShopEventOf<'PaymentFailed'>
export type PaymentRefunded = ShopEventOf<'PaymentRefunded'>
export type OrderShipped = ShopEventOf<'OrderShipped'>
export type OrderDelivered = ShopEventOf<'OrderDelivered'>
export type OrderCancelled = ShopEventOf<'OrderCancelled'>

export type PlaceOrder = ShopCommandOf<'PlaceOrder'>
export type CancelOrder = ShopCommandOf<'CancelOrder'>
export type ShipOrder = ShopCommandOf<'ShipOrder'>
export type ProcessPayment = ShopCommandOf<'ProcessPayment'>
export type RefundPayment = ShopCommandOf<'RefundPayment'>

export const SHOP_EVENT_TYPES: ReadonlyArray<ShopEventType> = [
  ...new Set(SHOP_EVENT_SCHEMAS.map((schema) => schema.eventType)),
]
export const SHOP_COMMAND_TYPES: ReadonlyArray<ShopCommandType> = SHOP_COMMAND_SCHEMAS.map(
  (schema) => schema.commandType,
)

/** Parses a shop event, checking `data` against its type and version; other types are errors. */
export function parseShopEvent(input: unknown): ShopEvent {
  return parseEvent(input, { schemas: SHOP_EVENT_SCHEMAS })
}

export function parseShopCommand(input: unknown): ShopCommand {
  return parseCommand(input, { schemas: SHOP_COMMAND_SCHEMAS })
}

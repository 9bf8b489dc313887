import { z } from 'zod'
import { defineEventSchema } from '../../parsing/payload-schemas.ts'
import { currency, entityId, money, reason } from '../common/data-fields.ts'

export const orderItemSchema = z.object({
  sku: entityId,
  quantity: z.number().int().positive(),
  unitPrice: money,
})

/** Version 1, the seed's first example: a single total, no items or currency. */
export const orderPlacedV1Schema = z.object({
  orderId: entityId,
  customerId: entityId,
  total: money,
})

/** Version 2, the seed's "2.0" example: line items, total and currency. */
export const orderPlacedV2Schema = z.object({
  orderId: entityId,
  customerId: entityId,
  items: z.array(orderItemSchema).min(1),
  totalAmount: money,
  currency,
})

export const orderConfirmedSchema = z.object({ orderId: entityId })

export const paymentProcessedSchema = z.object({
  orderId: entityId,
  paymentId: entityId,
  amount: money,
  currency,
})

export const paymentFailedSchema = z.object({ orderId: entityId, reason })

export const paymentRefundedSchema = z.object({
  orderId: entityId,
  paymentId: entityId,
  amount: money,
  currency,
})

export const orderShippedSchema = z.object({
  orderId: entityId,
  carrier: z.string().min(1),
  trackingNumber: z.string().min(1),
})

export const orderDeliveredSchema = z.object({ orderId: entityId })

export const orderCancelledSchema = z.object({ orderId: entityId, reason })

export const itemAddedToCartSchema = z.object({
  cartId: entityId,
  sku: entityId,
  quantity: z.number().int().positive(),
  unitPrice: money,
})

export type OrderItem = z.infer<typeof orderItemSchema>
export type OrderPlacedV1Data = z.infer<typeof orderPlacedV1Schema>
export type OrderPlacedV2Data = z.infer<typeof orderPlacedV2Schema>
/** The current shape of OrderPlaced data (version 2). */
export type OrderPlacedData = OrderPlacedV2Data
export type OrderConfirmedData = z.infer<typeof orderConfirmedSchema>
export type PaymentProcessedData = z.infer<typeof paymentProcessedSchema>
export type PaymentFailedData = z.infer<typeof paymentFailedSchema>
export type PaymentRefundedData = z.infer<typeof paymentRefundedSchema>
export type OrderShippedData = z.infer<typeof orderShippedSchema>
export type OrderDeliveredData = z.infer<typeof orderDeliveredSchema>
export type OrderCancelledData = z.infer<typeof orderCancelledSchema>
export type ItemAddedToCartData = z.infer<typeof itemAddedToCartSchema>

/** One schema per event type and version: what `parseShopEvent` accepts. */
export const SHOP_EVENT_SCHEMAS = [
  defineEventSchema('ItemAddedToCart', 1, itemAddedToCartSchema),
  defineEventSchema('OrderPlaced', 1, orderPlacedV1Schema),
  defineEventSchema('OrderPlaced', 2, orderPlacedV2Schema),
  defineEventSchema('OrderConfirmed', 1, orderConfirmedSchema),
  defineEventSchema('PaymentProcessed', 1, paymentProcessedSchema),
  defineEventSchema('PaymentFailed', 1, paymentFailedSchema),
  defineEventSchema('PaymentRefunded', 1, paymentRefundedSchema),
  defineEventSchema('OrderShipped', 1, orderShippedSchema),
  defineEventSchema('OrderDelivered', 1, orderDeliveredSchema),
  defineEventSchema('OrderCancelled', 1, orderCancelledSchema),
] as const

/** The version producers should write today, per event type. */
export const SHOP_EVENT_VERSIONS = {
  ItemAddedToCart: 1,
  OrderPlaced: 2,
  OrderConfirmed: 1,
  PaymentProcessed: 1,
  PaymentFailed: 1,
  PaymentRefunded: 1,
  OrderShipped: 1,
  OrderDelivered: 1,
  OrderCancelled: 1,
} as const

import { z } from 'zod'
import { defineCommandSchema } from '../../parsing/payload-schemas.ts'
import { currency, entityId, money, reason } from '../common/data-fields.ts'
import { orderItemSchema } from './event-schemas.ts'

export const placeOrderSchema = z.object({
  orderId: entityId,
  customerId: entityId,
  items: z.array(orderItemSchema).min(1),
  currency,
})

export const cancelOrderSchema = z.object({ orderId: entityId, reason })

export const shipOrderSchema = z.object({ orderId: entityId, carrier: z.string().min(1) })

export const processPaymentSchema = z.object({ orderId: entityId, amount: money, currency })

export const refundPaymentSchema = z.object({
  orderId: entityId,
  paymentId: entityId,
  amount: money,
  currency,
})

export type PlaceOrderData = z.infer<typeof placeOrderSchema>
export type CancelOrderData = z.infer<typeof cancelOrderSchema>
export type ShipOrderData = z.infer<typeof shipOrderSchema>
export type ProcessPaymentData = z.infer<typeof processPaymentSchema>
export type RefundPaymentData = z.infer<typeof refundPaymentSchema>

export const SHOP_COMMAND_SCHEMAS = [
  defineCommandSchema('PlaceOrder', placeOrderSchema),
  defineCommandSchema('CancelOrder', cancelOrderSchema),
  defineCommandSchema('ShipOrder', shipOrderSchema),
  defineCommandSchema('ProcessPayment', processPaymentSchema),
  defineCommandSchema('RefundPayment', refundPaymentSchema),
] as const

import type { Projection } from './projection.ts'
import type { SqlExecutor } from './sql-client.ts'

export interface OrderSummary {
  readonly orderId: string
  readonly customerId: string
  readonly status: 'placed' | 'paid' | 'shipped' | 'cancelled'
  readonly totalAmount: number
  readonly currency: string
  readonly itemCount: number
}

interface OrderSummaryRow {
  order_id: string
  customer_id: string
  status: OrderSummary['status']
  total_amount: string | number
  currency: string
  item_count: number
}

const STATUS_BY_EVENT: Record<string, OrderSummary['status']> = {
  PaymentProcessed: 'paid',
  OrderShipped: 'shipped',
  OrderCancelled: 'cancelled',
}

/** One row per order, the screen an order page shows. Fed by one stream per order. */
export const orderSummaryProjection: Projection = {
  name: 'order-summary',
  handles: ['OrderPlaced', 'PaymentProcessed', 'OrderShipped', 'OrderCancelled'],

  async init(db) {
    await db.query(`create table if not exists order_summary (
      order_id text primary key,
      customer_id text not null,
      status text not null,
      total_amount numeric(12, 2) not null,
      currency text not null,
      item_count integer not null,
      last_version integer not null)`)
  },

  async truncate(tx) {
    await tx.query('delete from order_summary')
  },

  async apply(tx, { event, streamVersion }) {
    const data = event.data as { orderId: string; customerId: string; items: { quantity: number }[] }
    if (event.eventType === 'OrderPlaced') {
      const { totalAmount, currency } = event.data as { totalAmount: number; currency: string }
      const itemCount = data.items.reduce((n, i) => n + i.quantity, 0)
      await tx.query(
        `insert into order_summary values ($1, $2, 'placed', $3, $4, $5, $6) on conflict (order_id) do nothing`,
        [data.orderId, data.customerId, totalAmount, currency, itemCount, streamVersion],
      )
      return
    }
    const status = STATUS_BY_EVENT[event.eventType]
    if (status === undefined) return
    // The version guard makes a redelivered (or late) event a no-op.
    await tx.query(
      'update order_summary set status = $2, last_version = $3 where order_id = $1 and last_version < $3',
      [data.orderId, status, streamVersion],
    )
  },
}

const toSummary = (row: OrderSummaryRow): OrderSummary => ({
  orderId: row.order_id,
  customerId: row.customer_id,
  status: row.status,
  totalAmount: Number(row.total_amount),
  currency: row.currency,
  itemCount: row.item_count,
})

export async function getOrderSummary(db: SqlExecutor, orderId: string): Promise<OrderSummary | undefined> {
  const { rows } = await db.query<OrderSummaryRow>('select * from order_summary where order_id = $1', [
    orderId,
  ])
  return rows[0] && toSummary(rows[0])
}

export async function listOrderSummaries(db: SqlExecutor): Promise<OrderSummary[]> {
  const { rows } = await db.query<OrderSummaryRow>('select * from order_summary order by order_id')
  return rows.map(toSummary)
}

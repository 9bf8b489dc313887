import { NotImplementedError } from '@eda/testkit'
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

/** One row per order, the screen an order page shows. Fed by one stream per order. `init` and the queries are given. */
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

  /** Step 3: empty the read model (step 5's rebuild calls it). */
  truncate(tx) {
    void tx
    return Promise.reject(new NotImplementedError('orderSummaryProjection.truncate', 'delete every row'))
  },

  /**
   * Step 3: OrderPlaced inserts the row (status `placed`, item count = sum of quantities,
   * last_version = the event's stream version); PaymentProcessed, OrderShipped and OrderCancelled
   * set the status. Delivered twice (or late), an event must change nothing: compare versions.
   */
  apply(tx, stored) {
    void [tx, stored]
    return Promise.reject(
      new NotImplementedError('orderSummaryProjection.apply', 'apply one event to the row'),
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

import { NotImplementedError } from '@eda/testkit'
import type { Projection } from './projection.ts'
import type { SqlExecutor } from './sql-client.ts'

export interface CustomerStats {
  readonly customerId: string
  readonly ordersPlaced: number
  readonly ordersCancelled: number
  /** Sum of the orders placed and not cancelled. */
  readonly totalSpent: number
}

interface CustomerStatsRow {
  customer_id: string
  orders_placed: number
  orders_cancelled: number
  total_spent: string | number
}

/**
 * One row per customer, fed by every order stream: a multi-stream projection. Its own table
 * `customer_stats_orders` remembers each order it has counted (and its amount): that is what
 * makes a redelivered event a no-op, and what an OrderCancelled (which carries no customer)
 * needs, without a live lookup elsewhere.
 */
export const customerStatsProjection: Projection = {
  name: 'customer-stats',
  handles: ['OrderPlaced', 'OrderCancelled'],

  async init(db) {
    await db.query(`create table if not exists customer_stats (
      customer_id text primary key,
      orders_placed integer not null,
      orders_cancelled integer not null,
      total_spent numeric(12, 2) not null)`)
    await db.query(`create table if not exists customer_stats_orders (
      order_id text primary key,
      customer_id text not null,
      amount numeric(12, 2) not null,
      cancelled boolean not null default false)`)
  },

  /** Step 3: empty both tables. */
  truncate(tx) {
    void tx
    return Promise.reject(new NotImplementedError('customerStatsProjection.truncate', 'delete every row'))
  },

  /**
   * Step 3: OrderPlaced counts a new order for its customer (orders_placed + 1, total_spent +
   * totalAmount); OrderCancelled counts a cancellation and takes the amount back off. An event
   * delivered again must count nothing, and two transactions updating one customer at once must
   * not lose an update (step 6).
   */
  apply(tx, stored) {
    void [tx, stored]
    return Promise.reject(new NotImplementedError('customerStatsProjection.apply', 'count the event once'))
  },
}

const toStats = (row: CustomerStatsRow): CustomerStats => ({
  customerId: row.customer_id,
  ordersPlaced: row.orders_placed,
  ordersCancelled: row.orders_cancelled,
  totalSpent: Number(row.total_spent),
})

export async function getCustomerStats(
  db: SqlExecutor,
  customerId: string,
): Promise<CustomerStats | undefined> {
  const { rows } = await db.query<CustomerStatsRow>('select * from customer_stats where customer_id = $1', [
    customerId,
  ])
  return rows[0] && toStats(rows[0])
}

export async function listCustomerStats(db: SqlExecutor): Promise<CustomerStats[]> {
  const { rows } = await db.query<CustomerStatsRow>('select * from customer_stats order by customer_id')
  return rows.map(toStats)
}

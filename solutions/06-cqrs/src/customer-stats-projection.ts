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

  async truncate(tx) {
    await tx.query('delete from customer_stats_orders')
    await tx.query('delete from customer_stats')
  },

  async apply(tx, { event }) {
    if (event.eventType === 'OrderPlaced') {
      const { orderId, customerId, totalAmount } = event.data as {
        orderId: string
        customerId: string
        totalAmount: number
      }
      // Counted only when this order is new; the increment is one atomic statement, so two
      // transactions updating the same customer at once cannot lose either update.
      await tx.query(
        `with counted as (
           insert into customer_stats_orders (order_id, customer_id, amount) values ($1, $2, $3)
           on conflict (order_id) do nothing returning customer_id, amount)
         insert into customer_stats (customer_id, orders_placed, orders_cancelled, total_spent)
           select customer_id, 1, 0, amount from counted
         on conflict (customer_id) do update set
           orders_placed = customer_stats.orders_placed + 1,
           total_spent = customer_stats.total_spent + excluded.total_spent`,
        [orderId, customerId, totalAmount],
      )
    } else if (event.eventType === 'OrderCancelled') {
      const { orderId } = event.data as { orderId: string }
      await tx.query(
        `with cancelled as (
           update customer_stats_orders set cancelled = true
           where order_id = $1 and not cancelled returning customer_id, amount)
         update customer_stats s set
           orders_cancelled = s.orders_cancelled + 1,
           total_spent = s.total_spent - cancelled.amount
         from cancelled where s.customer_id = cancelled.customer_id`,
        [orderId],
      )
    }
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

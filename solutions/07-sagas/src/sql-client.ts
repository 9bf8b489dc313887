import type { PGlite, Transaction } from '@electric-sql/pglite'
import type pg from 'pg'

/** Runs SQL: a connection, a pool, or an open transaction. Rows come back as plain objects. */
export interface SqlExecutor {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>
}

/** A database that can also run a unit of work in one transaction (commit on success, rollback on throw). */
export interface SqlClient extends SqlExecutor {
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>
}

const executorOf = (tx: Transaction): SqlExecutor => ({
  query: async <R>(text: string, params?: readonly unknown[]) => tx.query<R>(text, params as unknown[]),
})

/** PGlite (PostgreSQL in WebAssembly, in this process): one session, transactions run one at a time. */
export function pgliteClient(db: PGlite): SqlClient {
  return {
    query: async <R>(text: string, params?: readonly unknown[]) => db.query<R>(text, params as unknown[]),
    transaction: (work) => db.transaction((tx) => work(executorOf(tx))),
  }
}

/** A node-postgres pool on a PostgreSQL server: each transaction gets its own pooled connection. */
export function pgPoolClient(pool: pg.Pool): SqlClient {
  return {
    query: async <R>(text: string, params?: readonly unknown[]) => {
      const result = await pool.query(text, params as unknown[])
      return { rows: result.rows as R[] }
    },
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      const tx: SqlExecutor = {
        query: async <R>(text: string, params?: readonly unknown[]) => {
          const result = await client.query(text, params as unknown[])
          return { rows: result.rows as R[] }
        },
      }
      try {
        await client.query('begin')
        const result = await work(tx)
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
  }
}

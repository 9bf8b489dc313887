import { createHash } from 'node:crypto'
import type { PGlite } from '@electric-sql/pglite'
import type pg from 'pg'

/** Runs one SQL statement with `$1, $2...` parameters. */
export interface SqlQueryable {
  query<R extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<{ readonly rows: R[] }>
}

/**
 * The little the SQL event store needs from PostgreSQL, so the same store runs on the server
 * (through `pg`) and embedded (PGlite). Rows come back as each driver gives them: `pg` returns
 * bigint columns as strings, PGlite as numbers (or BigInt beyond 2^53); jsonb is parsed by both,
 * timestamptz is a Date in both.
 */
export interface SqlDatabase extends SqlQueryable {
  /**
   * Runs `work` on one connection between BEGIN and COMMIT, and rolls back when it throws (the
   * error is rethrown). Queries on `tx` belong to the transaction; queries on the database itself
   * use other connections (on PGlite, which has one connection, they wait for the transaction).
   */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>
}

/**
 * PostgreSQL through a `pg.Pool`: each transaction takes its own connection from the pool. Every
 * statement is prepared once per connection (named after a hash of its text), so the server parses
 * it once instead of on every call; a store sends the same few statements again and again.
 */
export function postgresDatabase(pool: pg.Pool): SqlDatabase {
  const prepared = (text: string, params: readonly unknown[]) => ({
    name: statementName(text),
    text,
    values: [...params],
  })
  return {
    query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
      (await pool.query(prepared(text, params))) as unknown as { rows: R[] },
    transaction: async <T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> => {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('begin')
        const tx: SqlQueryable = {
          query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
            (await client.query(prepared(text, params))) as unknown as { rows: R[] },
        }
        const result = await work(tx)
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError
        })
        throw error
      } finally {
        // A connection that could not roll back is destroyed rather than reused.
        client.release(broken)
      }
    },
  }
}

const names = new Map<string, string>()

function statementName(text: string): string {
  let name = names.get(text)
  if (name === undefined) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
    // Schema names make many texts in a test run; keep the cache from growing without bound.
    if (names.size > 10_000) names.clear()
    names.set(text, name)
  }
  return name
}

/** PGlite, PostgreSQL compiled to WebAssembly: one connection, so transactions run one at a time. */
export function pgliteDatabase(db: PGlite): SqlDatabase {
  return {
    query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
      db.query<R>(text, [...params]),
    transaction: <T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> =>
      db.transaction((tx) =>
        work({
          query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
            tx.query<R>(text, [...params]),
        }),
      ),
  }
}

/** The SQLSTATE of a database error (`23505` for a unique violation), from either driver. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

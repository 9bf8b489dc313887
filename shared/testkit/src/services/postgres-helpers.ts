import pg from 'pg'
import { uniqueName } from '../unique-name.ts'
import type { CleanupRegistry } from './cleanup-registry.ts'
import { databaseUrl } from './service-addresses.ts'

/** Anything that runs SQL: a `pg.Client`, a `pg.Pool`, a pool client. */
export interface Queryable {
  query(text: string): Promise<unknown>
}

/**
 * A connected `pg.Client` whose 'error' events are handled (a server restart would otherwise
 * crash the test process); the next query rejects instead.
 */
export async function connectPostgres(url: string = databaseUrl()): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  client.on('error', () => undefined)
  await client.connect()
  return client
}

export interface CreateSchemaOptions {
  readonly prefix?: string
  /** Drops the schema (and everything in it) after the test. */
  readonly cleanup?: CleanupRegistry
}

/**
 * A schema with a unique name, so a spec's tables never meet another spec's. Use it as
 * `"${schema}".events` or `set search_path`. Returns the name (already safe as an identifier).
 */
export async function createSchema(db: Queryable, options: CreateSchemaOptions = {}): Promise<string> {
  const schema = uniqueName(options.prefix ?? 'kata').replace(/-/g, '_')
  await db.query(`create schema ${pg.escapeIdentifier(schema)}`)
  options.cleanup?.add(`drop schema ${schema}`, () =>
    db.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`),
  )
  return schema
}

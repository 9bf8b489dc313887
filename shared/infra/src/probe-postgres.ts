import pg from 'pg'
import { describeError } from './describe-error.ts'
import { type ProbeResult, REACHABLE, unreachable } from './probe-result.ts'
import { withDeadline } from './with-deadline.ts'

/** Connects and runs `select 1`: proves the server is up and that the URL's user may log in. */
export async function probePostgres(url: string, { timeoutMs = 3_000 } = {}): Promise<ProbeResult> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  })
  // A connection dropped later (server shutdown) is emitted as 'error'; unhandled, it would crash.
  client.on('error', () => undefined)
  try {
    await withDeadline(
      (async () => {
        await client.connect()
        await client.query('select 1')
      })(),
      timeoutMs + 500,
      `postgres at ${url}`,
    )
    return REACHABLE
  } catch (error) {
    return unreachable(describeError(error))
  } finally {
    await withDeadline(client.end(), 1_000, 'postgres end').catch(() => undefined)
  }
}

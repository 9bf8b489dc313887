import { type ChannelModel, connect } from 'amqplib'
import { describeError } from './describe-error.ts'
import { type ProbeResult, REACHABLE, unreachable } from './probe-result.ts'
import { withDeadline } from './with-deadline.ts'

/** Opens an AMQP connection (handshake and login included) and closes it. */
export async function probeRabbitmq(url: string, { timeoutMs = 3_000 } = {}): Promise<ProbeResult> {
  let abandoned = false
  const connecting = connect(url, { timeout: timeoutMs }).then((connection) => {
    // An 'error' event without a listener would crash the process: a probe only wants a yes/no.
    connection.on('error', () => undefined)
    if (abandoned) void closeQuietly(connection)
    return connection
  })
  try {
    const connection = await withDeadline(connecting, timeoutMs + 500, `rabbitmq at ${url}`)
    await closeQuietly(connection)
    return REACHABLE
  } catch (error) {
    abandoned = true
    return unreachable(describeError(error))
  }
}

async function closeQuietly(connection: ChannelModel): Promise<void> {
  await withDeadline(connection.close(), 1_000, 'rabbitmq close').catch(() => undefined)
}

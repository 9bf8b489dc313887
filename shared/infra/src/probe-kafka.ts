import { Kafka, logLevel } from 'kafkajs'
import { describeError } from './describe-error.ts'
import { type ProbeResult, REACHABLE, unreachable } from './probe-result.ts'
import { withDeadline } from './with-deadline.ts'

export interface KafkaProbeOptions {
  /**
   * Also ask the group coordinator about a group: a fresh broker answers metadata seconds before
   * it can serve consumer groups (`__consumer_offsets` is created on first use), and a spec's
   * first consumer should not pay for that.
   */
  readonly warmGroupCoordinator?: boolean
  readonly timeoutMs?: number
}

/** Connects a kafkajs admin, describes the cluster (and optionally a group), disconnects. */
export async function probeKafka(
  brokers: readonly string[],
  { warmGroupCoordinator = false, timeoutMs = 4_000 }: KafkaProbeOptions = {},
): Promise<ProbeResult> {
  const kafka = new Kafka({
    clientId: 'eda-infra-probe',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    // One attempt per probe: the caller decides whether and when to ask again.
    retry: { retries: 0 },
  })
  const admin = kafka.admin()
  try {
    await withDeadline(
      (async () => {
        await admin.connect()
        await admin.describeCluster()
        if (warmGroupCoordinator) await admin.describeGroups(['eda-infra-warmup'])
      })(),
      timeoutMs,
      `kafka at ${brokers.join(',')}`,
    )
    return REACHABLE
  } catch (error) {
    return unreachable(describeError(error))
  } finally {
    await withDeadline(admin.disconnect(), 1_000, 'kafka disconnect').catch(() => undefined)
  }
}

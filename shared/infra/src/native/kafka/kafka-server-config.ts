/** A fixed cluster id is fine: every run formats a fresh data dir. (22 chars = a Kafka Uuid.) */
export const KAFKA_CLUSTER_ID = 'q1Sh-9_ISia_zwGINzRvyQ'

export interface KafkaServerSettings {
  /** The host the clients use (from KAFKA_BROKERS); advertised as given. */
  readonly host: string
  readonly port: number
  /** The KRaft controller listener; the client port + 1 by convention (9092 → 9093). */
  readonly controllerPort: number
  readonly dataDir: string
}

/**
 * A single node that is both broker and KRaft controller, tuned for specs on a laptop: replication
 * factors 1 (one broker), no rebalance delay before the first group join, few internal partitions
 * (a faster first consumer), explicit topics only, retention checks every second so retention can
 * be watched. Java properties files have no inline comments: each line is exactly one setting.
 */
export function kafkaServerProperties({ host, port, controllerPort, dataDir }: KafkaServerSettings): string {
  const bind =
    host === 'localhost' ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  const advertised = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  const settings: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${bind}:${controllerPort}`,
    listeners: `PLAINTEXT://${bind}:${port},CONTROLLER://${bind}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${advertised}:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': dataDir,
    'num.partitions': 3,
    'default.replication.factor': 1,
    'auto.create.topics.enable': 'false',
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 4,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 4,
    'min.insync.replicas': 1,
    'group.initial.rebalance.delay.ms': 0,
    'group.min.session.timeout.ms': 6000,
    'log.retention.check.interval.ms': 1000,
    'num.network.threads': 2,
    'num.io.threads': 4,
    'num.recovery.threads.per.data.dir': 1,
  }
  return `${Object.entries(settings)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join('\n')}\n`
}

/** Console logging at WARN, plus the one INFO line that says the server started. */
export const KAFKA_LOG4J_PROPERTIES = `log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
`

// Backslashes are escapes in .properties files (a Windows temp dir would lose them).
const escapeProperty = (value: string) => value.replace(/\\/g, '\\\\')

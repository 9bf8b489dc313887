import { probeKafka } from './probe-kafka.ts'
import { probePostgres } from './probe-postgres.ts'
import { probeRabbitmq } from './probe-rabbitmq.ts'
import type { ProbeResult } from './probe-result.ts'
import { type ServiceConfig, serviceConfig } from './service-config.ts'
import type { ServiceName } from './service-name.ts'

/**
 * `reachable`: answers at all (status, "already running?"). `ready`: ready for specs; for Kafka
 * that includes a warmed-up group coordinator, for the others it is the same check.
 */
export type ProbeMode = 'reachable' | 'ready'

export interface ProbeServiceOptions {
  readonly config?: ServiceConfig
  readonly mode?: ProbeMode
}

/** One bounded check of one service at its configured address. Never throws, never hangs. */
export function probeService(service: ServiceName, options: ProbeServiceOptions = {}): Promise<ProbeResult> {
  const config = options.config ?? serviceConfig()
  switch (service) {
    case 'kafka':
      return probeKafka(config.kafka.brokers, { warmGroupCoordinator: options.mode === 'ready' })
    case 'rabbitmq':
      return probeRabbitmq(config.rabbitmq.url)
    case 'postgres':
      return probePostgres(config.postgres.url)
  }
}

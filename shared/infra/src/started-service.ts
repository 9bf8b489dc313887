import type { ServiceName } from './service-name.ts'

/** How this tool started a service. */
export type StartMethod = 'docker' | 'native'

/**
 * What `up` records on disk about a server it started: enough for `down` to stop exactly that
 * server (and nothing else), for `status` to say who started it, and for `logs` to find its log.
 */
export interface StartedService {
  /** Tells two starts of the same service apart (a test run stops only its own). */
  readonly id: string
  readonly service: ServiceName
  readonly method: StartMethod
  readonly address: string
  readonly startedAt: string
  /**
   * Set when a test run (`ensureServices`) started it: that run stops it when it ends. A later run
   * may adopt it if this process died first; `pnpm infra up` clears it to keep the server running.
   */
  readonly ownerPid?: number
  /** Native Kafka: the JVM's pid, checked against its command line before any signal. */
  readonly pid?: number
  /** Native Kafka: the per-run folder (config, data, log) under the OS temp dir. */
  readonly runDir?: string
  readonly dataDir?: string
  readonly logFile?: string
  /** Native Kafka: a CDS archive the JVM writes at exit, kept only after a clean stop. */
  readonly cdsArchivePending?: string
  readonly cdsArchive?: string
  /** Docker: the compose file and project the container belongs to. */
  readonly composeFile?: string
  readonly composeProject?: string
  /** Native RabbitMQ: the node name it was started as (RABBITMQ_NODENAME), for `rabbitmqctl -n`. */
  readonly rabbitmqNode?: string
  /** Native PostgreSQL: the Debian cluster, e.g. `15/main`. */
  readonly cluster?: string
}

import type { Reporter } from './reporter.ts'
import type { ServiceName } from './service-name.ts'
import type { StartBlocker } from './start-blocker.ts'
import type { StartedService, StartMethod } from './started-service.ts'

/** Where to read what a started server logged. */
export type LogSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'command'; readonly command: string; readonly args: readonly string[] }
  | { readonly kind: 'hint'; readonly text: string }

/**
 * One way to start one service (Docker Compose, or the machine's own server commands). The
 * decisions in `Infra` only talk to this interface, so tests replace it with fakes.
 */
export interface ServiceStarter {
  readonly service: ServiceName
  readonly method: StartMethod
  /** Undefined when this way can work here; otherwise why not and what to install. */
  check(): Promise<StartBlocker | undefined>
  /** Launches the server and returns the record `down` needs; readiness is waited for by the caller. */
  start(reporter: Reporter): Promise<StartedService>
  /** Whether what `start` launched is still there: a live pid that is still Kafka, a running container. */
  isRunning(record: StartedService): Promise<boolean>
  /**
   * While waiting for readiness: true only when the server certainly died (the JVM exited), so the
   * wait ends with the reason at once instead of at the deadline. Absent when that cannot be told
   * before the server answers (a RabbitMQ node booting has no port open and no pid of ours).
   */
  hasExited?(record: StartedService): Promise<boolean>
  stop(record: StartedService, reporter: Reporter): Promise<void>
  /** Removes what a server that is gone left behind (a temp data dir). */
  forget(record: StartedService): Promise<void>
  /** What the server's log says went wrong, for an error message. */
  diagnose(record: StartedService): Promise<string | undefined>
  logs(record: StartedService): LogSource
}

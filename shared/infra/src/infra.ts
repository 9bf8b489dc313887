import { setTimeout as delay } from 'node:timers/promises'
import { describeError } from './describe-error.ts'
import { type InfraState, type StateStore, withoutService, withService } from './infra-state.ts'
import type { ProbeResult } from './probe-result.ts'
import type { ProbeMode } from './probe-service.ts'
import { seconds } from './progress-ticker.ts'
import { remoteBlocker } from './remote-blocker.ts'
import type { Reporter } from './reporter.ts'
import { isLocalService, type ServiceConfig, serviceAddress } from './service-config.ts'
import type { ServiceName } from './service-name.ts'
import { ServiceStartError } from './service-start-error.ts'
import type { LogSource, ServiceStarter } from './service-starter.ts'
import type { StartBlocker } from './start-blocker.ts'
import type { StartedService, StartMethod } from './started-service.ts'

/** Which ways of starting a service `up` may use. `auto`: Docker when an engine answers, else native. */
export type MethodPreference = 'auto' | 'docker' | 'native'

/** Everything the decisions depend on, injected so tests run them without processes or files. */
export interface InfraDeps {
  readonly config: ServiceConfig
  readonly probe: (service: ServiceName, mode: ProbeMode) => Promise<ProbeResult>
  /** Undefined when a Docker engine (with compose) answers; asked at most once per Infra. */
  readonly dockerBlocker: () => Promise<StartBlocker | undefined>
  readonly starter: (service: ServiceName, method: StartMethod) => ServiceStarter
  readonly state: StateStore
  readonly reporter: Reporter
  readonly method?: MethodPreference
  /** How long a started service may take to become ready (Kafka: 90 s; a download is extra). */
  readonly readyTimeoutMs?: Partial<Record<ServiceName, number>>
  readonly pollIntervalMs?: number
  /** The pid of a test run that owns what it starts (`ensureServices`); unset for the CLI. */
  readonly ownerPid?: number
  readonly isPidAlive?: (pid: number) => boolean
}

export type UpResult =
  | { readonly service: ServiceName; readonly outcome: 'already-running'; readonly record?: StartedService }
  | {
      readonly service: ServiceName
      readonly outcome: 'started' | 'adopted'
      readonly record: StartedService
    }
  | { readonly service: ServiceName; readonly outcome: 'failed'; readonly error: ServiceStartError }

export type DownResult =
  | {
      readonly service: ServiceName
      readonly outcome: 'stopped' | 'already-gone'
      readonly record: StartedService
    }
  | { readonly service: ServiceName; readonly outcome: 'not-started-here' }
  | {
      readonly service: ServiceName
      readonly outcome: 'failed'
      readonly record: StartedService
      readonly error: string
    }

export interface StatusRow {
  readonly service: ServiceName
  readonly address: string
  readonly reachable: boolean
  readonly reason?: string
  /** `this tool (native, pid 1234)`, `this tool (docker)`, `not by this tool`. */
  readonly startedBy: string
  readonly record?: StartedService
}

export interface DownOptions {
  /** Only records this accepts are stopped (a test run stops the ones it started). */
  readonly only?: (record: StartedService) => boolean
}

const DEFAULT_READY_TIMEOUT_MS: Readonly<Record<ServiceName, number>> = {
  kafka: 90_000,
  rabbitmq: 60_000,
  postgres: 60_000,
}

const READY_MEANS: Readonly<Record<ServiceName, string>> = {
  kafka: 'cluster metadata and the group coordinator',
  rabbitmq: 'an AMQP connection',
  postgres: '`select 1`',
}

/**
 * The decisions behind `pnpm infra`: start only what is not reachable, record what was started,
 * stop only what was recorded. Every outside effect goes through `InfraDeps`.
 */
export class Infra {
  #docker: Promise<StartBlocker | undefined> | undefined

  constructor(private readonly deps: InfraDeps) {}

  /**
   * Brings each service up unless it already answers. A service that cannot be started is a
   * result, not an exception; only waiting too long for another `pnpm infra`'s lock throws.
   */
  up(services: readonly ServiceName[]): Promise<UpResult[]> {
    return this.deps.state.withLock(async () => {
      const results: UpResult[] = []
      for (const service of services) {
        try {
          results.push(await this.upOne(service))
        } catch (error) {
          const failure =
            error instanceof ServiceStartError
              ? error
              : new ServiceStartError(
                  service,
                  describeError(error),
                  `check \`pnpm infra status\` and \`pnpm infra logs ${service}\``,
                )
          this.deps.reporter.line(`✖ ${failure.message}`)
          results.push({ service, outcome: 'failed', error: failure })
        }
      }
      return results
    })
  }

  /** Stops what `up` recorded for these services; never anything it did not start. */
  down(services: readonly ServiceName[], { only }: DownOptions = {}): Promise<DownResult[]> {
    return this.deps.state.withLock(async () => {
      const results: DownResult[] = []
      for (const service of services) results.push(await this.downOne(service, only))
      return results
    })
  }

  /** One row per service: address, reachable, who started it. Probes run in parallel. */
  async status(services: readonly ServiceName[]): Promise<StatusRow[]> {
    const state = await this.deps.state.read()
    return Promise.all(
      services.map(async (service): Promise<StatusRow> => {
        const record = state.services[service]
        const [probe, alive] = await Promise.all([
          this.deps.probe(service, 'reachable'),
          record === undefined ? false : this.starterFor(record).isRunning(record),
        ])
        const startedBy =
          record === undefined
            ? 'not by this tool'
            : alive
              ? `this tool (${describeRecord(record)})`
              : `this tool, but it has gone (${describeRecord(record)})`
        return {
          service,
          address: serviceAddress(service, this.deps.config),
          reachable: probe.reachable,
          ...(probe.reachable ? {} : { reason: probe.reason }),
          startedBy,
          ...(record === undefined ? {} : { record }),
        }
      }),
    )
  }

  /** Where the log of what `up` started is, or undefined when it started nothing for this service. */
  async logs(service: ServiceName): Promise<LogSource | undefined> {
    const record = (await this.deps.state.read()).services[service]
    return record === undefined ? undefined : this.deps.starter(service, record.method).logs(record)
  }

  private async upOne(service: ServiceName): Promise<UpResult> {
    const { reporter } = this.deps
    const address = serviceAddress(service, this.deps.config)
    const probe = await this.deps.probe(service, 'reachable')
    let record = (await this.deps.state.read()).services[service]
    if (record !== undefined && !(await this.starterFor(record).isRunning(record))) {
      // What we started is gone (crashed, machine rebooted); whatever answers now is not ours.
      await this.starterFor(record).forget(record)
      await this.update((state) => withoutService(state, service))
      record = undefined
    }

    if (probe.reachable) {
      if (record === undefined) {
        reporter.line(`✔ ${service}: already running at ${address}`)
        return { service, outcome: 'already-running' }
      }
      return this.claim(record)
    }

    if (record !== undefined) {
      // Ours and alive but not answering yet: a start still in progress. Wait, do not start twice.
      await this.waitUntilReady(record)
      return this.claim(record)
    }

    const starter = await this.chooseStarter(service)
    const started = await starter.start(reporter)
    const owned: StartedService =
      this.deps.ownerPid === undefined ? started : { ...started, ownerPid: this.deps.ownerPid }
    // Recorded before the wait: a command killed while waiting must still let `down` stop it.
    await this.update((state) => withService(state, owned))
    try {
      await this.waitUntilReady(owned)
    } catch (error) {
      // Stop only what is still ours: a RabbitMQ or PostgreSQL start that failed may have been
      // refused because another server holds the name or port, and that one must stay up.
      if (await starter.isRunning(owned)) await starter.stop(owned, reporter).catch(() => undefined)
      else await starter.forget(owned)
      await this.update((state) => withoutService(state, service))
      throw error
    }
    return { service, outcome: 'started', record: owned }
  }

  /**
   * A running service that this tool started earlier. A test run adopts one whose owning run has
   * died (so it is stopped at the end instead of leaking); the CLI takes ownership away from any
   * run, because `pnpm infra up` means "keep it running".
   */
  private async claim(record: StartedService): Promise<UpResult> {
    const { ownerPid, reporter } = this.deps
    const isAlive = this.deps.isPidAlive ?? (() => true)
    const service = record.service
    const orphaned =
      record.ownerPid !== undefined && record.ownerPid !== ownerPid && !isAlive(record.ownerPid)
    if (ownerPid !== undefined && orphaned) {
      const adopted = { ...record, ownerPid }
      await this.update((state) => withService(state, adopted))
      reporter.line(
        `✔ ${service}: already running at ${record.address} (left by an earlier test run; stopped when this one ends)`,
      )
      return { service, outcome: 'adopted', record: adopted }
    }
    if (ownerPid === undefined && record.ownerPid !== undefined) {
      const { ownerPid: _dropped, ...kept } = record
      await this.update((state) => withService(state, kept))
      reporter.line(
        `✔ ${service}: already running at ${record.address} (${describeRecord(record)}; kept until \`pnpm infra down\`)`,
      )
      return { service, outcome: 'already-running', record: kept }
    }
    reporter.line(
      `✔ ${service}: already running at ${record.address} (started by this tool, ${describeRecord(record)})`,
    )
    return { service, outcome: 'already-running', record }
  }

  private async downOne(service: ServiceName, only: DownOptions['only']): Promise<DownResult> {
    const { reporter } = this.deps
    const record = (await this.deps.state.read()).services[service]
    if (record === undefined || (only !== undefined && !only(record))) {
      reporter.line(`· ${service}: not started by this tool, left alone`)
      return { service, outcome: 'not-started-here' }
    }
    const starter = this.starterFor(record)
    if (!(await starter.isRunning(record))) {
      await starter.forget(record)
      await this.update((state) => withoutService(state, service))
      reporter.line(`· ${service}: what this tool started is no longer running`)
      return { service, outcome: 'already-gone', record }
    }
    try {
      await starter.stop(record, reporter)
    } catch (error) {
      reporter.line(`✖ ${service}: could not stop it: ${describeError(error)}`)
      return { service, outcome: 'failed', record, error: describeError(error) }
    }
    await this.update((state) => withoutService(state, service))
    reporter.line(`✔ ${service}: stopped`)
    return { service, outcome: 'stopped', record }
  }

  /** Docker Compose when an engine answers (and the preference allows), else the native way. */
  private async chooseStarter(service: ServiceName): Promise<ServiceStarter> {
    const address = serviceAddress(service, this.deps.config)
    if (!isLocalService(service, this.deps.config)) {
      // Someone else's server: neither Docker nor a native start here would make it answer.
      const remote = remoteBlocker(service, address)
      throw new ServiceStartError(service, `not reachable at ${address}; ${remote.reason}`, remote.fix)
    }
    const preference = this.deps.method ?? 'auto'
    const blockers: StartBlocker[] = []
    if (preference !== 'native') {
      this.#docker ??= this.deps.dockerBlocker()
      const dockerBlocker = await this.#docker
      if (dockerBlocker === undefined) {
        const docker = this.deps.starter(service, 'docker')
        const blocker = await docker.check()
        if (blocker === undefined) return docker
        blockers.push(blocker)
      } else {
        blockers.push(dockerBlocker)
      }
    }
    if (preference !== 'docker') {
      const native = this.deps.starter(service, 'native')
      const blocker = await native.check()
      if (blocker === undefined) return native
      // The native reason is the specific one ("no java"): say it first.
      blockers.unshift(blocker)
    }
    const unique = <T>(items: T[]) => [...new Set(items)]
    throw new ServiceStartError(
      service,
      `not reachable at ${address}, and cannot start it: ${unique(blockers.map((b) => b.reason)).join('; ')}`,
      `${unique(blockers.map((b) => b.fix)).join('; or ')}; then \`pnpm infra up ${service}\``,
    )
  }

  /** Polls the readiness probe until it answers, the process dies, or the deadline passes. */
  private async waitUntilReady(record: StartedService): Promise<void> {
    const { reporter } = this.deps
    const service = record.service
    const starter = this.starterFor(record)
    const timeoutMs = this.deps.readyTimeoutMs?.[service] ?? DEFAULT_READY_TIMEOUT_MS[service]
    const interval = this.deps.pollIntervalMs ?? 200
    const started = Date.now()
    let lastAliveCheck = 0
    reporter.line(
      `… ${service}: waiting for ${READY_MEANS[service]} (up to ${Math.round(timeoutMs / 1000)} s)`,
    )
    for (;;) {
      const probe = await this.deps.probe(service, 'ready')
      const elapsed = Date.now() - started
      if (probe.reachable) {
        reporter.line(`✔ ${service}: ready at ${record.address} (${record.method}, ${seconds(elapsed)})`)
        return
      }
      // A dead process never becomes ready: say so at once rather than at the deadline.
      if (starter.hasExited !== undefined && Date.now() - lastAliveCheck >= 1_000) {
        lastAliveCheck = Date.now()
        if (await starter.hasExited(record)) {
          const why = await starter.diagnose(record)
          throw new ServiceStartError(
            service,
            `it exited while starting${why === undefined ? '' : `: ${why}`}`,
            `see \`pnpm infra logs ${service}\``,
          )
        }
      }
      if (elapsed >= timeoutMs) {
        const why = await starter.diagnose(record)
        throw new ServiceStartError(
          service,
          `not ready after ${Math.round(timeoutMs / 1000)} s (last check: ${probe.reason}${why === undefined ? '' : `; log: ${why}`})`,
          `see \`pnpm infra logs ${service}\``,
        )
      }
      reporter.progress(`… ${service}: waiting for ${READY_MEANS[service]} ${seconds(elapsed)}`)
      await delay(interval)
    }
  }

  private starterFor(record: StartedService): ServiceStarter {
    return this.deps.starter(record.service, record.method)
  }

  private async update(change: (state: InfraState) => InfraState): Promise<void> {
    await this.deps.state.write(change(await this.deps.state.read()))
  }
}

/** `native, pid 1234` / `docker` / `native, cluster 15/main`, plus the test run that owns it. */
export function describeRecord(record: StartedService): string {
  const parts: string[] = [record.method]
  if (record.pid !== undefined) parts.push(`pid ${record.pid}`)
  if (record.cluster !== undefined) parts.push(`cluster ${record.cluster}`)
  if (record.rabbitmqNode !== undefined) parts.push(`node ${record.rabbitmqNode}`)
  if (record.ownerPid !== undefined) parts.push(`for the test run ${record.ownerPid}`)
  return parts.join(', ')
}

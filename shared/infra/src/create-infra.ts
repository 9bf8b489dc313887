import { dockerComposeStarter } from './docker/docker-compose-starter.ts'
import { checkDockerEngine } from './docker/docker-engine.ts'
import { fileStateStore } from './file-state-store.ts'
import { Infra, type InfraDeps, type MethodPreference } from './infra.ts'
import { infraPaths } from './infra-paths.ts'
import { kafkaNativeStarter } from './native/kafka/kafka-native-starter.ts'
import { postgresNativeStarter } from './native/postgres-native-starter.ts'
import { rabbitmqNativeStarter } from './native/rabbitmq-native-starter.ts'
import { probeService } from './probe-service.ts'
import { isProcessAlive } from './process-control.ts'
import { type Reporter, silentReporter } from './reporter.ts'
import { serviceConfig } from './service-config.ts'
import type { ServiceName } from './service-name.ts'
import type { ServiceStarter } from './service-starter.ts'
import type { StartMethod } from './started-service.ts'

export interface CreateInfraOptions {
  readonly env?: NodeJS.ProcessEnv
  readonly reporter?: Reporter
  /** The repository whose `.kata/infra/state.json` and `docker-compose.yml` are used. */
  readonly repoRoot?: string
  /** Set by `ensureServices`: what this process starts, it stops. */
  readonly ownerPid?: number
  /** Overrides of the Kafka download/run details (the benchmark uses a separate cache). */
  readonly kafka?: { readonly cacheRoot?: string; readonly mavenRepoLocal?: string; readonly cds?: boolean }
  readonly readyTimeoutMs?: Partial<Record<ServiceName, number>>
}

/** `EDA_INFRA_METHOD=native` skips Docker even when it answers; `docker` insists on it. */
export function methodPreference(env: NodeJS.ProcessEnv): MethodPreference {
  const value = env.EDA_INFRA_METHOD?.trim().toLowerCase()
  return value === 'docker' || value === 'native' ? value : 'auto'
}

/** The real thing: probes, Docker, native starters and the state file of this repository. */
export function createInfra(options: CreateInfraOptions = {}): Infra {
  const env = options.env ?? process.env
  const config = serviceConfig(env)
  const paths = infraPaths(env, options.repoRoot)
  const reporter = options.reporter ?? silentReporter
  const starters = new Map<string, ServiceStarter>()
  const build = (service: ServiceName, method: StartMethod): ServiceStarter => {
    if (method === 'docker')
      return dockerComposeStarter(service, { composeFile: paths.composeFile, config, env })
    switch (service) {
      case 'kafka':
        return kafkaNativeStarter({
          config,
          env,
          cacheRoot: options.kafka?.cacheRoot ?? paths.kafkaCacheDir,
          runsDir: paths.runsDir,
          ...(options.kafka?.cds === undefined ? {} : { cds: options.kafka.cds }),
          ...(options.kafka?.mavenRepoLocal === undefined
            ? {}
            : { mavenRepoLocal: options.kafka.mavenRepoLocal }),
        })
      case 'rabbitmq':
        return rabbitmqNativeStarter({ config, env })
      case 'postgres':
        return postgresNativeStarter({ config, env })
    }
  }
  const deps: InfraDeps = {
    config,
    probe: (service, mode) => probeService(service, { config, mode }),
    dockerBlocker: () => checkDockerEngine(env),
    // One starter per service and method: the native Kafka starter remembers the java it found.
    starter: (service, method) => {
      const key = `${service}:${method}`
      const existing = starters.get(key)
      if (existing !== undefined) return existing
      const created = build(service, method)
      starters.set(key, created)
      return created
    },
    state: fileStateStore(paths.stateDir, {
      onWait: (pid) => reporter.line(`… waiting for another pnpm infra (pid ${pid ?? '?'}) to finish`),
    }),
    reporter,
    method: methodPreference(env),
    isPidAlive: isProcessAlive,
    ...(options.ownerPid === undefined ? {} : { ownerPid: options.ownerPid }),
    ...(options.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: options.readyTimeoutMs }),
  }
  return new Infra(deps)
}

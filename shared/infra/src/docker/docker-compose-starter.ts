import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { withProgress } from '../progress-ticker.ts'
import { remoteBlocker } from '../remote-blocker.ts'
import { outputTail, runCommand } from '../run-command.ts'
import { isLocalService, type ServiceConfig, serviceAddress } from '../service-config.ts'
import type { ServiceName } from '../service-name.ts'
import { ServiceStartError } from '../service-start-error.ts'
import type { ServiceStarter } from '../service-starter.ts'
import { composeEnvironment } from './compose-environment.ts'

export const COMPOSE_PROJECT = 'eda-katas'

export interface DockerComposeStarterOptions {
  readonly composeFile: string
  readonly config: ServiceConfig
  readonly env?: NodeJS.ProcessEnv
}

/** Starts one service of the root `docker-compose.yml`; its healthcheck is what `--wait` waits for. */
export function dockerComposeStarter(
  service: ServiceName,
  { composeFile, config, env = process.env }: DockerComposeStarterOptions,
): ServiceStarter {
  const compose = (args: readonly string[], timeoutMs: number) =>
    runCommand('docker', ['compose', '-f', composeFile, '-p', COMPOSE_PROJECT, ...args], {
      timeoutMs,
      env: { ...env, ...composeEnvironment(config) },
    })
  const address = serviceAddress(service, config)
  const isRunning = async () => {
    const result = await compose(['ps', '--status', 'running', '-q', service], 15_000)
    return result.code === 0 && result.stdout.trim() !== ''
  }

  return {
    service,
    method: 'docker',
    async check() {
      if (!isLocalService(service, config)) return remoteBlocker(service, address)
      if (!existsSync(composeFile)) return { reason: `${composeFile} is missing`, fix: 'restore it from git' }
      return undefined
    },
    async start(reporter) {
      reporter.line(`${service}: starting with Docker Compose (the first run pulls the image)`)
      const result = await withProgress(reporter, `${service}: docker compose up --wait ${service}`, () =>
        compose(['up', '-d', '--wait', '--wait-timeout', '300', service], 15 * 60_000),
      )
      if (result.code !== 0) {
        const why = result.timedOut ? 'did not finish within 15 min' : outputTail(result)
        throw new ServiceStartError(
          service,
          `\`docker compose up ${service}\` failed: ${why}`,
          `see \`docker compose -p ${COMPOSE_PROJECT} logs ${service}\``,
        )
      }
      return {
        id: randomUUID(),
        service,
        method: 'docker',
        address,
        startedAt: new Date().toISOString(),
        composeFile,
        composeProject: COMPOSE_PROJECT,
      }
    },
    isRunning,
    hasExited: async () => !(await isRunning()),
    async stop(_record, reporter) {
      reporter.line(`${service}: docker compose stop ${service}`)
      const result = await compose(['stop', service], 90_000)
      if (result.code !== 0) throw new Error(`docker compose stop ${service} failed: ${outputTail(result)}`)
    },
    async forget() {
      // The container stays (stopped) so the next `up` reuses the pulled image and is fast.
    },
    async diagnose() {
      const result = await compose(['logs', '--no-color', '--tail', '20', service], 15_000)
      return result.code === 0 ? outputTail(result, 2) : undefined
    },
    logs: () => ({
      kind: 'command',
      command: 'docker',
      args: ['compose', '-f', composeFile, '-p', COMPOSE_PROJECT, 'logs', '--no-color', service],
    }),
  }
}

import { randomUUID } from 'node:crypto'
import { findExecutable } from '../find-executable.ts'
import { probePostgres } from '../probe-postgres.ts'
import { remoteBlocker } from '../remote-blocker.ts'
import { outputTail, runCommand } from '../run-command.ts'
import { isLocalService, type ServiceConfig, serviceAddress, serviceEndpoint } from '../service-config.ts'
import { ServiceStartError } from '../service-start-error.ts'
import type { ServiceStarter } from '../service-starter.ts'
import type { StartBlocker } from '../start-blocker.ts'
import type { StartedService } from '../started-service.ts'
import { type PostgresCluster, parsePgLsclusters } from './postgres-clusters.ts'

export interface PostgresNativeOptions {
  readonly config: ServiceConfig
  readonly env?: NodeJS.ProcessEnv
}

const INSTALL_FIX =
  'install PostgreSQL 15+ (Debian/Ubuntu: `sudo apt-get install postgresql`; elsewhere start your own server and set DATABASE_URL)'

/**
 * The machine's own PostgreSQL through Debian's cluster tools: `pg_lsclusters` finds the cluster
 * on DATABASE_URL's port, `pg_ctlcluster <version> <name> start|stop` drives it. Other systems
 * (Homebrew, Postgres.app) have no common start command, so the message says what to do instead.
 */
export function postgresNativeStarter({ config, env = process.env }: PostgresNativeOptions): ServiceStarter {
  const address = serviceAddress('postgres', config)
  const { port } = serviceEndpoint('postgres', config)

  const clusters = async (): Promise<PostgresCluster[] | StartBlocker> => {
    const lsclusters = findExecutable('pg_lsclusters', env)
    if (lsclusters === undefined || findExecutable('pg_ctlcluster', env) === undefined) {
      return {
        reason: 'no Docker engine and no PostgreSQL cluster tools (`pg_lsclusters`, `pg_ctlcluster`)',
        fix: INSTALL_FIX,
      }
    }
    const result = await runCommand(lsclusters, ['--no-header'], { timeoutMs: 15_000, env })
    if (result.code !== 0) return { reason: `pg_lsclusters failed: ${outputTail(result)}`, fix: INSTALL_FIX }
    return parsePgLsclusters(result.stdout)
  }

  const findCluster = async (): Promise<PostgresCluster | StartBlocker> => {
    const found = await clusters()
    if (!Array.isArray(found)) return found
    const cluster = found.find((candidate) => candidate.port === port)
    if (cluster !== undefined) return cluster
    const listed = found.map((c) => `${c.version}/${c.name} on ${c.port}`).join(', ') || 'none'
    return {
      reason: `no PostgreSQL cluster is set up on port ${port} (pg_lsclusters: ${listed})`,
      fix: `create one (\`sudo pg_createcluster <version> main --port ${port}\`), or set DATABASE_URL to a running server`,
    }
  }

  const ctl = async (record: StartedService, action: 'start' | 'stop') => {
    const [version, name] = (record.cluster ?? '').split('/')
    const args =
      action === 'stop'
        ? [version ?? '', name ?? '', 'stop', '-m', 'fast']
        : [version ?? '', name ?? '', 'start']
    return runCommand(findExecutable('pg_ctlcluster', env) ?? 'pg_ctlcluster', args, {
      timeoutMs: 90_000,
      env,
    })
  }

  return {
    service: 'postgres',
    method: 'native',
    async check() {
      if (!isLocalService('postgres', config)) return remoteBlocker('postgres', address)
      const cluster = await findCluster()
      return 'reason' in cluster ? cluster : undefined
    },
    async start(reporter) {
      const cluster = await findCluster()
      if ('reason' in cluster) throw new ServiceStartError('postgres', cluster.reason, cluster.fix)
      const label = `${cluster.version}/${cluster.name}`
      if (cluster.online) {
        // Running but `select 1` failed: starting it again would not help; the URL is wrong.
        const probe = await probePostgres(config.postgres.url)
        throw new ServiceStartError(
          'postgres',
          `cluster ${label} runs on port ${port} but refuses ${address}${probe.reachable ? '' : ` (${probe.reason})`}`,
          "check DATABASE_URL's user, password and database, and the cluster's pg_hba.conf",
        )
      }
      reporter.line(
        `postgres: starting the local cluster ${label} (\`pg_ctlcluster ${cluster.version} ${cluster.name} start\`)`,
      )
      const record: StartedService = {
        id: randomUUID(),
        service: 'postgres',
        method: 'native',
        address,
        startedAt: new Date().toISOString(),
        cluster: label,
        ...(cluster.logFile === '' ? {} : { logFile: cluster.logFile }),
      }
      const result = await ctl(record, 'start')
      if (result.code !== 0) {
        throw new ServiceStartError(
          'postgres',
          `\`pg_ctlcluster ${cluster.version} ${cluster.name} start\` failed: ${outputTail(result)}`,
          cluster.logFile === '' ? 'run it yourself to see why' : `see ${cluster.logFile}`,
        )
      }
      return record
    },
    async isRunning(record) {
      const found = await clusters()
      return (
        Array.isArray(found) && found.some((c) => `${c.version}/${c.name}` === record.cluster && c.online)
      )
    },
    async stop(record, reporter) {
      reporter.line(`postgres: stopping the local cluster ${record.cluster} (\`pg_ctlcluster ... stop\`)`)
      const result = await ctl(record, 'stop')
      if (result.code !== 0) throw new Error(`pg_ctlcluster stop failed: ${outputTail(result)}`)
    },
    forget: async () => undefined,
    diagnose: async (record) => (record.logFile === undefined ? undefined : `see ${record.logFile}`),
    logs: (record) =>
      record.logFile === undefined
        ? { kind: 'hint', text: 'see the cluster log under /var/log/postgresql/' }
        : { kind: 'file', path: record.logFile },
  }
}

import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { findExecutable } from '../find-executable.ts'
import { isPortListening } from '../port-check.ts'
import { probeRabbitmq } from '../probe-rabbitmq.ts'
import { remoteBlocker } from '../remote-blocker.ts'
import { outputTail, runCommand } from '../run-command.ts'
import { isLocalService, type ServiceConfig, serviceAddress, serviceEndpoint } from '../service-config.ts'
import { ServiceStartError } from '../service-start-error.ts'
import type { ServiceStarter } from '../service-starter.ts'

export interface RabbitmqNativeOptions {
  readonly config: ServiceConfig
  readonly env?: NodeJS.ProcessEnv
}

const INSTALL_FIX =
  'install RabbitMQ (Debian/Ubuntu: `sudo apt-get install rabbitmq-server`, macOS: `brew install rabbitmq`)'

/**
 * The machine's own RabbitMQ, started with `rabbitmq-server -detached` and stopped with
 * `rabbitmqctl stop`. The node has no pid we can keep; "still running" is "still answers".
 */
export function rabbitmqNativeStarter({ config, env = process.env }: RabbitmqNativeOptions): ServiceStarter {
  const address = serviceAddress('rabbitmq', config)
  const { host, port } = serviceEndpoint('rabbitmq', config)
  // RabbitMQ reads its port from the environment, so AMQP_URL's port is honoured.
  const serverEnv = port === 5672 ? env : { ...env, RABBITMQ_NODE_PORT: String(port) }

  return {
    service: 'rabbitmq',
    method: 'native',
    async check() {
      if (!isLocalService('rabbitmq', config)) return remoteBlocker('rabbitmq', address)
      if (findExecutable('rabbitmq-server', env) === undefined) {
        return { reason: '`rabbitmq-server` is not installed', fix: INSTALL_FIX }
      }
      return undefined
    },
    async start(reporter) {
      if (await isPortListening(host, port)) {
        // A broker is there but refused the probe: a second node would not help, the URL is wrong.
        const probe = await probeRabbitmq(config.rabbitmq.url)
        throw new ServiceStartError(
          'rabbitmq',
          `something listens on port ${port} but refuses ${address}${probe.reachable ? '' : ` (${probe.reason})`}`,
          "check AMQP_URL's user, password and vhost",
        )
      }
      const server = findExecutable('rabbitmq-server', env) ?? 'rabbitmq-server'
      reporter.line(`rabbitmq: starting the local RabbitMQ (\`rabbitmq-server -detached\`)`)
      const result = await runCommand(server, ['-detached'], { timeoutMs: 60_000, env: serverEnv })
      if (result.code !== 0) {
        throw new ServiceStartError(
          'rabbitmq',
          `\`rabbitmq-server -detached\` failed: ${outputTail(result) || `exit code ${result.code}`}`,
          'run it yourself to see why (as root or the rabbitmq user), or use Docker',
        )
      }
      const node = env.RABBITMQ_NODENAME?.trim()
      return {
        id: randomUUID(),
        service: 'rabbitmq',
        method: 'native',
        address,
        startedAt: new Date().toISOString(),
        ...(node ? { rabbitmqNode: node } : {}),
      }
    },
    // No pid of ours to watch: a node that answers is running; while it boots, only the deadline tells.
    isRunning: async () => (await probeRabbitmq(config.rabbitmq.url)).reachable,
    async stop(record, reporter) {
      const ctl = findExecutable('rabbitmqctl', env) ?? 'rabbitmqctl'
      // The node it started, by name: never whichever node the environment points at today.
      const args = record.rabbitmqNode === undefined ? ['stop'] : ['-n', record.rabbitmqNode, 'stop']
      reporter.line(`rabbitmq: stopping the local RabbitMQ (\`rabbitmqctl ${args.join(' ')}\`)`)
      const result = await runCommand(ctl, args, { timeoutMs: 90_000, env: serverEnv })
      if (result.code !== 0) throw new Error(`rabbitmqctl stop failed: ${outputTail(result)}`)
      // `rabbitmqctl stop` returns when the node is told, not when the port is closed.
      const deadline = Date.now() + 30_000
      while (
        (await probeRabbitmq(config.rabbitmq.url, { timeoutMs: 1_000 })).reachable &&
        Date.now() < deadline
      ) {
        await delay(200)
      }
    },
    forget: async () => undefined,
    diagnose: async () => 'see /var/log/rabbitmq/ (or `rabbitmq-diagnostics log_tail`)',
    logs: () => ({
      kind: 'hint',
      text: 'RabbitMQ logs to /var/log/rabbitmq/ (or run `rabbitmq-diagnostics log_tail`)',
    }),
  }
}

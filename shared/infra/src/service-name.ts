import { UnknownServiceError } from './unknown-service-error.ts'

/** A server the katas' specs talk to. */
export type ServiceName = 'kafka' | 'rabbitmq' | 'postgres'

export const SERVICE_NAMES: readonly ServiceName[] = ['kafka', 'rabbitmq', 'postgres']

// What people type: `pnpm infra up pg` should not be an error.
const ALIASES: Readonly<Record<string, ServiceName>> = {
  kafka: 'kafka',
  rabbitmq: 'rabbitmq',
  rabbit: 'rabbitmq',
  amqp: 'rabbitmq',
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
}

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value)
}

/** The services named on a command line, in the usual order; none named means all of them. */
export function parseServiceNames(args: readonly string[]): ServiceName[] {
  if (args.length === 0) return [...SERVICE_NAMES]
  const wanted = new Set<ServiceName>()
  for (const arg of args) {
    const name = ALIASES[arg.toLowerCase()]
    if (name === undefined) throw new UnknownServiceError(arg, SERVICE_NAMES)
    wanted.add(name)
  }
  return SERVICE_NAMES.filter((name) => wanted.has(name))
}

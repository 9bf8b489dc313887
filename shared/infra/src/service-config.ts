import { type Endpoint, isLoopbackHost, maskPassword, parseHostPort, urlEndpoint } from './address.ts'
import type { ServiceName } from './service-name.ts'

/** Where the katas find their servers: the env vars, else loopback defaults. */
export interface ServiceConfig {
  readonly kafka: { readonly brokers: readonly string[] }
  readonly rabbitmq: { readonly url: string }
  readonly postgres: { readonly url: string }
}

export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092'
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672'
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

/** The env var that moves each service elsewhere. */
export const SERVICE_ENV_VARS: Readonly<Record<ServiceName, string>> = {
  kafka: 'KAFKA_BROKERS',
  rabbitmq: 'AMQP_URL',
  postgres: 'DATABASE_URL',
}

const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = { kafka: 9092, rabbitmq: 5672, postgres: 5432 }

// An empty variable (e.g. `KAFKA_BROKERS=` in a .env file) means "not set", not "no address".
const read = (env: NodeJS.ProcessEnv, name: string, fallback: string): string => {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? fallback : value
}

export function serviceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const brokers = read(env, 'KAFKA_BROKERS', DEFAULT_KAFKA_BROKERS)
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '')
  return {
    kafka: { brokers },
    rabbitmq: { url: read(env, 'AMQP_URL', DEFAULT_AMQP_URL) },
    postgres: { url: read(env, 'DATABASE_URL', DEFAULT_DATABASE_URL) },
  }
}

/** The address as a person reads it, without passwords. */
export function serviceAddress(service: ServiceName, config: ServiceConfig): string {
  switch (service) {
    case 'kafka':
      return config.kafka.brokers.join(',')
    case 'rabbitmq':
      return maskPassword(config.rabbitmq.url)
    case 'postgres':
      return maskPassword(config.postgres.url)
  }
}

/** Host and port this tool would start the service on (the first broker for Kafka). */
export function serviceEndpoint(service: ServiceName, config: ServiceConfig): Endpoint {
  switch (service) {
    case 'kafka':
      return parseHostPort(config.kafka.brokers[0] ?? DEFAULT_KAFKA_BROKERS, DEFAULT_PORTS.kafka)
    case 'rabbitmq':
      return urlEndpoint(config.rabbitmq.url, DEFAULT_PORTS.rabbitmq)
    case 'postgres':
      return urlEndpoint(config.postgres.url, DEFAULT_PORTS.postgres)
  }
}

/** Whether the configured address is on this machine, i.e. something this tool may start. */
export function isLocalService(service: ServiceName, config: ServiceConfig): boolean {
  if (service === 'kafka' && config.kafka.brokers.length > 1) return false
  return isLoopbackHost(serviceEndpoint(service, config).host)
}

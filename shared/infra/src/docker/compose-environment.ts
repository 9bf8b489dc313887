import { type ServiceConfig, serviceEndpoint } from '../service-config.ts'

/**
 * Variables `docker-compose.yml` interpolates, so the containers listen where the katas look
 * (e.g. `KAFKA_BROKERS=127.0.0.1:19092` publishes Kafka on 19092) with the URL's credentials.
 */
export function composeEnvironment(config: ServiceConfig): Record<string, string> {
  const amqp = safeUrl(config.rabbitmq.url)
  const pg = safeUrl(config.postgres.url)
  return {
    EDA_KAFKA_PORT: String(serviceEndpoint('kafka', config).port),
    EDA_RABBITMQ_PORT: String(serviceEndpoint('rabbitmq', config).port),
    EDA_RABBITMQ_USER: decodeURIComponent(amqp?.username || 'guest'),
    EDA_RABBITMQ_PASSWORD: decodeURIComponent(amqp?.password || 'guest'),
    EDA_POSTGRES_PORT: String(serviceEndpoint('postgres', config).port),
    EDA_POSTGRES_USER: decodeURIComponent(pg?.username || 'postgres'),
    EDA_POSTGRES_DB: decodeURIComponent(pg?.pathname.replace(/^\//, '') || 'postgres'),
  }
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

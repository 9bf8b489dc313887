import { serviceConfig } from '@eda/infra'

/** The Kafka bootstrap brokers the specs use (`KAFKA_BROKERS`, default `127.0.0.1:9092`). */
export const kafkaBrokers = (): string[] => [...serviceConfig().kafka.brokers]

/** The RabbitMQ URL (`AMQP_URL`, default `amqp://guest:guest@127.0.0.1:5672`). */
export const amqpUrl = (): string => serviceConfig().rabbitmq.url

/** The PostgreSQL URL (`DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`). */
export const databaseUrl = (): string => serviceConfig().postgres.url

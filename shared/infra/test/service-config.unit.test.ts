import { describe, expect, it } from 'vitest'
import { isLoopbackHost, maskPassword, parseHostPort } from '../src/address.ts'
import { composeEnvironment } from '../src/docker/compose-environment.ts'
import { isLocalService, serviceAddress, serviceConfig, serviceEndpoint } from '../src/service-config.ts'
import { parseServiceNames } from '../src/service-name.ts'
import { UnknownServiceError } from '../src/unknown-service-error.ts'

describe('serviceConfig', () => {
  it('uses the loopback defaults when nothing is set (or a variable is empty)', () => {
    expect(serviceConfig({ KAFKA_BROKERS: ' ' })).toEqual({
      kafka: { brokers: ['127.0.0.1:9092'] },
      rabbitmq: { url: 'amqp://guest:guest@127.0.0.1:5672' },
      postgres: { url: 'postgres://postgres@127.0.0.1:5432/postgres' },
    })
  })

  it('reads KAFKA_BROKERS (a comma list), AMQP_URL and DATABASE_URL', () => {
    const config = serviceConfig({
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      AMQP_URL: 'amqp://kata:s3cret@rabbit.internal:5673/dev',
      DATABASE_URL: 'postgres://me:pw@db:5433/katas',
    })
    expect(config.kafka.brokers).toEqual(['kafka-1:9092', 'kafka-2:9092'])
    expect(serviceAddress('rabbitmq', config)).toBe('amqp://kata:***@rabbit.internal:5673/dev')
    expect(serviceAddress('postgres', config)).toBe('postgres://me:***@db:5433/katas')
    expect(isLocalService('kafka', config)).toBe(false)
    expect(isLocalService('rabbitmq', config)).toBe(false)
  })

  it('knows which addresses are on this machine and on which port to start them', () => {
    const config = serviceConfig({
      KAFKA_BROKERS: 'localhost:19092',
      DATABASE_URL: 'postgres://postgres@[::1]:5433/x',
    })
    expect(serviceEndpoint('kafka', config)).toEqual({ host: 'localhost', port: 19092 })
    expect(serviceEndpoint('postgres', config)).toEqual({ host: '::1', port: 5433 })
    expect(isLocalService('kafka', config)).toBe(true)
    expect(isLocalService('postgres', config)).toBe(true)
  })

  it('passes ports and credentials to docker compose', () => {
    const env = composeEnvironment(
      serviceConfig({ KAFKA_BROKERS: '127.0.0.1:19092', AMQP_URL: 'amqp://kata:p%40ss@127.0.0.1:5673' }),
    )
    expect(env).toMatchObject({
      EDA_KAFKA_PORT: '19092',
      EDA_RABBITMQ_PORT: '5673',
      EDA_RABBITMQ_USER: 'kata',
      EDA_RABBITMQ_PASSWORD: 'p@ss',
      EDA_POSTGRES_PORT: '5432',
      EDA_POSTGRES_USER: 'postgres',
      EDA_POSTGRES_DB: 'postgres',
    })
  })
})

describe('addresses', () => {
  it('parses host:port, bracketed IPv6 and a missing port', () => {
    expect(parseHostPort('127.0.0.1:9092', 1)).toEqual({ host: '127.0.0.1', port: 9092 })
    expect(parseHostPort('[::1]:9093', 1)).toEqual({ host: '::1', port: 9093 })
    expect(parseHostPort('broker', 9092)).toEqual({ host: 'broker', port: 9092 })
  })

  it('treats only loopback hosts as local', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'].every(isLoopbackHost)).toBe(true)
    expect(['10.0.0.5', 'kafka', '0.0.0.0', ''].some(isLoopbackHost)).toBe(false)
  })

  it('masks passwords and leaves URLs without one as they are', () => {
    expect(maskPassword('amqp://guest:guest@127.0.0.1:5672')).toBe('amqp://guest:***@127.0.0.1:5672')
    expect(maskPassword('postgres://postgres@127.0.0.1:5432/postgres')).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres',
    )
  })
})

describe('parseServiceNames', () => {
  it('means all services when none is named, in the usual order, accepting common aliases', () => {
    expect(parseServiceNames([])).toEqual(['kafka', 'rabbitmq', 'postgres'])
    expect(parseServiceNames(['pg', 'Kafka'])).toEqual(['kafka', 'postgres'])
  })

  it('rejects an unknown name, listing the known ones', () => {
    expect(() => parseServiceNames(['redis'])).toThrow(
      new UnknownServiceError('redis', ['kafka', 'rabbitmq', 'postgres']),
    )
    expect(() => parseServiceNames(['redis'])).toThrow(
      'unknown service "redis": expected one of kafka, rabbitmq, postgres',
    )
  })
})

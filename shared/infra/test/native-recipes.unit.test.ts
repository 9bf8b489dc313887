import { describe, expect, it } from 'vitest'
import { parseJavaVersion } from '../src/native/kafka/java-runtime.ts'
import { kafkaPom } from '../src/native/kafka/kafka-pom.ts'
import { KAFKA_LOG4J_PROPERTIES, kafkaServerProperties } from '../src/native/kafka/kafka-server-config.ts'
import { parsePgLsclusters } from '../src/native/postgres-clusters.ts'

const parseProperties = (text: string) =>
  Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )

describe('the native Kafka broker config', () => {
  const properties = kafkaServerProperties({
    host: '127.0.0.1',
    port: 19092,
    controllerPort: 19093,
    dataDir: '/tmp/eda-kafka-x/data',
  })

  it('is a single KRaft node on the configured port, with replication factors of 1', () => {
    expect(parseProperties(properties)).toMatchObject({
      'process.roles': 'broker,controller',
      'controller.quorum.voters': '1@127.0.0.1:19093',
      listeners: 'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:19092',
      'log.dirs': '/tmp/eda-kafka-x/data',
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'group.initial.rebalance.delay.ms': '0',
      'auto.create.topics.enable': 'false',
    })
  })

  it('has one setting per line and no comments (properties files have no inline comments)', () => {
    for (const text of [properties, KAFKA_LOG4J_PROPERTIES]) {
      for (const line of text.trim().split('\n')) expect(line).toMatch(/^[a-zA-Z0-9.]+=[^#]*$/)
    }
  })

  it('binds localhost to 127.0.0.1 but advertises the name the clients were given', () => {
    const props = parseProperties(
      kafkaServerProperties({ host: 'localhost', port: 9092, controllerPort: 9093, dataDir: '/d' }),
    )
    expect(props.listeners).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093')
    expect(props['advertised.listeners']).toBe('PLAINTEXT://localhost:9092')
  })

  it('resolves the broker, a logging backend and the perf tools from Maven', () => {
    const pom = kafkaPom()
    expect(pom).toContain('<artifactId>kafka_2.13</artifactId>')
    expect(pom).toContain('<artifactId>slf4j-reload4j</artifactId>')
    expect(pom).toContain('<artifactId>kafka-tools</artifactId>')
  })
})

describe('parseJavaVersion', () => {
  it('reads modern and old version strings', () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15')).toEqual({
      version: '17.0.15',
      major: 17,
    })
    expect(parseJavaVersion('java version "1.8.0_292"')).toEqual({ version: '1.8.0_292', major: 8 })
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toEqual({ version: '21', major: 21 })
    expect(parseJavaVersion('no java here')).toBeUndefined()
  })
})

describe('parsePgLsclusters', () => {
  it('reads each cluster with its port and whether it is online', () => {
    const output = [
      '15 main 5432 online postgres /var/lib/postgresql/15/main /var/log/postgresql/postgresql-15-main.log',
      '16 kata 5433 down   postgres /var/lib/postgresql/16/kata /var/log/postgresql/postgresql-16-kata.log',
      '14 repl 5434 online,recovery postgres /var/lib/postgresql/14/repl',
      '',
    ].join('\n')
    expect(parsePgLsclusters(output)).toEqual([
      {
        version: '15',
        name: 'main',
        port: 5432,
        online: true,
        owner: 'postgres',
        dataDir: '/var/lib/postgresql/15/main',
        logFile: '/var/log/postgresql/postgresql-15-main.log',
      },
      {
        version: '16',
        name: 'kata',
        port: 5433,
        online: false,
        owner: 'postgres',
        dataDir: '/var/lib/postgresql/16/kata',
        logFile: '/var/log/postgresql/postgresql-16-kata.log',
      },
      {
        version: '14',
        name: 'repl',
        port: 5434,
        online: true,
        owner: 'postgres',
        dataDir: '/var/lib/postgresql/14/repl',
        logFile: '',
      },
    ])
  })

  it('ignores a header line', () => {
    expect(parsePgLsclusters('Ver Cluster Port Status Owner Data directory Log file\n')).toEqual([])
  })
})

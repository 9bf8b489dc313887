// `pnpm bench kafka-partitions throughput [--events 100000] [--batch 1000] [--partitions 6]`
//
// Produces N small events through the kata's EventProducer one `publish` at a time, then in
// `publishBatch` batches (sendBatch) without and with gzip; consumes them through the kata's
// EventConsumer and through a bare kafkajs consumer; and runs Kafka's own Java tools
// (ProducerPerformance, ConsumerPerformance) on the same broker in the same run as the ceiling.
// Needs a broker (`pnpm infra up kafka`) and, for the Java rows, a JDK (and Maven the first time).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createMessageFactory, type EventEnvelope, toKafkaMessage } from '@eda/events'
import { uniqueName, waitFor } from '@eda/testkit'
import { createKafka, kafkaBrokers } from '@eda/testkit/services'
import { type Admin, type Kafka, logLevel } from 'kafkajs'
import { EventConsumer, EventProducer } from '../src/index.ts'

const KAFKA_VERSION = '3.9.2'

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    single: { type: 'string' },
    batch: { type: 'string', default: '1000' },
    partitions: { type: 'string', default: '6' },
    carts: { type: 'string', default: '1000' },
  },
})
const events = Number(args.events)
const singleEvents = Number(args.single ?? args.events)
const batchSize = Number(args.batch)
const partitions = Number(args.partitions)
const carts = Number(args.carts)

interface Row {
  readonly scenario: string
  readonly records: number
  readonly seconds: number
  readonly bytes?: number
  readonly note?: string
}
const rows: Row[] = []
const rate = (row: Row) => row.records / row.seconds

function report(row: Row): void {
  rows.push(row)
  const mb = row.bytes === undefined ? '' : `, ${(row.bytes / row.seconds / 1e6).toFixed(1)} MB/s`
  console.log(
    `  ${row.scenario}: ${row.records} records in ${row.seconds.toFixed(2)} s = ${Math.round(rate(row)).toLocaleString('en')} records/s${mb}${row.note ? ` (${row.note})` : ''}`,
  )
}

/** ItemAddedToCart envelopes for `carts` carts, ids and times from a counter: ~235 bytes of JSON each. */
function makeEvents(count: number): EventEnvelope[] {
  let n = 0
  let now = Date.now() - count
  const factory = createMessageFactory({ clock: () => new Date(now++), newId: () => `evt-${++n}` })
  return Array.from({ length: count }, (_, i) =>
    factory.event('ItemAddedToCart', {
      cartId: `cart-${i % carts}`,
      sku: `sku-${i % 97}`,
      quantity: 1 + (i % 5),
      unitPrice: 9.99,
    }),
  )
}

const byCart = (event: EventEnvelope) => (event.data as { cartId: string }).cartId

async function newTopic(admin: Admin): Promise<string> {
  const topic = uniqueName('bench-kata02')
  await admin.createTopics({
    waitForLeaders: false,
    topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
  })
  await waitFor(
    async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] })
      const found = topics[0]?.partitions ?? []
      return found.length === partitions && found.every((p) => p.leader >= 0)
    },
    { what: `leaders for ${topic}`, timeoutMs: 30_000, intervalMs: 50 },
  )
  return topic
}

async function produceOneByOne(kafka: Kafka, topic: string, all: readonly EventEnvelope[]): Promise<number> {
  const producer = new EventProducer(kafka, { topic, keyOf: byCart })
  await producer.connect()
  const started = performance.now()
  for (const event of all) await producer.publish(event)
  const seconds = (performance.now() - started) / 1000
  await producer.disconnect()
  return seconds
}

async function produceBatched(
  kafka: Kafka,
  topic: string,
  all: readonly EventEnvelope[],
  compression: 'none' | 'gzip',
): Promise<number> {
  const producer = new EventProducer(kafka, { topic, keyOf: byCart })
  await producer.connect()
  const started = performance.now()
  for (let i = 0; i < all.length; i += batchSize) {
    await producer.publishBatch(all.slice(i, i + batchSize), { compression })
  }
  const seconds = (performance.now() - started) / 1000
  await producer.disconnect()
  return seconds
}

/** The kata's consumer: decodes and validates each envelope, commits after each batch. */
async function consumeWithKata(kafka: Kafka, topic: string, count: number): Promise<number> {
  let handled = 0
  let last = 0
  const consumer = new EventConsumer(kafka, {
    groupId: uniqueName('bench-kata02-group'),
    topic,
    fromBeginning: true,
    consumer: { maxWaitTimeInMs: 100 },
    handler: () => {
      handled++
      last = performance.now()
    },
  })
  await consumer.start()
  const started = performance.now()
  await waitFor(() => handled >= count, {
    what: `${count} events consumed`,
    timeoutMs: 600_000,
    intervalMs: 5,
  })
  await consumer.stop()
  return (last - started) / 1000
}

/** A bare kafkajs consumer: eachBatch, no decoding, kafkajs's own auto-commit. */
async function consumeRaw(kafka: Kafka, topic: string, count: number): Promise<number> {
  let handled = 0
  let last = 0
  const consumer = kafka.consumer({ groupId: uniqueName('bench-kata02-raw'), maxWaitTimeInMs: 100 })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  const joined = new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.GROUP_JOIN, () => {
      off()
      resolve()
    })
  })
  await consumer.run({
    eachBatch: async ({ batch }) => {
      handled += batch.messages.length
      last = performance.now()
    },
  })
  await joined
  const started = performance.now()
  await waitFor(() => handled >= count, {
    what: `${count} records consumed`,
    timeoutMs: 600_000,
    intervalMs: 5,
  })
  await consumer.disconnect()
  return (last - started) / 1000
}

/** The classpath holding Kafka's tools: the broker's cached jars, else resolved with Maven beside them. */
function kafkaToolsClasspath(): string | { missing: string } {
  const cacheHome = process.env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache')
  const brokerLib = join(cacheHome, 'eda-katas', `kafka-${KAFKA_VERSION}`, 'lib')
  const hasTools = (dir: string) =>
    existsSync(dir) && readdirSync(dir).some((f) => f === `kafka-tools-${KAFKA_VERSION}.jar`)
  if (hasTools(brokerLib)) return `${brokerLib}/*`
  const toolsDir = join(cacheHome, 'eda-katas', `kafka-${KAFKA_VERSION}-tools`)
  const toolsLib = join(toolsDir, 'lib')
  if (!hasTools(toolsLib)) {
    const mvn = spawnSync('mvn', ['-v'], { stdio: 'ignore' })
    if (mvn.status !== 0) return { missing: 'Maven (mvn) is needed once to fetch kafka-tools' }
    mkdirSync(toolsDir, { recursive: true })
    writeFileSync(join(toolsDir, 'pom.xml'), toolsPom())
    console.log(`  resolving org.apache.kafka:kafka-tools:${KAFKA_VERSION} with Maven into ${toolsLib} ...`)
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        join(toolsDir, 'pom.xml'),
        'org.apache.maven.plugins:maven-dependency-plugin:3.7.1:copy-dependencies',
        `-DoutputDirectory=${toolsLib}`,
        '-DincludeScope=runtime',
      ],
      { stdio: 'inherit' },
    )
  }
  return `${toolsLib}/*`
}

/** The broker runtime plus kafka-tools itself (its own dependencies excluded: connect, jetty...). */
function toolsPom(): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.eda-katas</groupId>
  <artifactId>kafka-tools-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>${KAFKA_VERSION}</version>
      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>
    </dependency>
  </dependencies>
</project>
`
}

function java(classpath: string, scratch: string, main: string, toolArgs: string[]): string {
  const log4j = join(scratch, 'log4j.properties')
  writeFileSync(
    log4j,
    'log4j.rootLogger=WARN, stderr\nlog4j.appender.stderr=org.apache.log4j.ConsoleAppender\nlog4j.appender.stderr.Target=System.err\nlog4j.appender.stderr.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stderr.layout.ConversionPattern=%p %m%n\n',
  )
  const command = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java'
  const result = spawnSync(
    command,
    ['-Xmx512m', `-Dlog4j.configuration=file:${log4j}`, '-cp', classpath, main, ...toolArgs],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  if (result.status !== 0)
    throw new Error(`${main} failed (${result.status}): ${result.stderr || result.stdout}`)
  return result.stdout
}

/** ProducerPerformance's summary line: "N records sent, R records/sec (M MB/sec), ...". */
function producerPerformance(
  classpath: string,
  scratch: string,
  topic: string,
  payloads: string,
  extra: string[],
) {
  const out = java(classpath, scratch, 'org.apache.kafka.tools.ProducerPerformance', [
    '--topic',
    topic,
    '--num-records',
    String(events),
    '--payload-file',
    payloads,
    '--throughput',
    '-1',
    '--producer-props',
    `bootstrap.servers=${kafkaBrokers().join(',')}`,
    'acks=all',
    ...extra,
  ])
  const summary = [...out.matchAll(/(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\)/g)].pop()
  if (!summary) throw new Error(`no summary in ProducerPerformance's output:\n${out}`)
  return { records: Number(summary[1]), perSecond: Number(summary[2]) }
}

/** ConsumerPerformance's data line (after its header): "... nMsg.sec ..." columns, CSV. */
function consumerPerformance(classpath: string, scratch: string, topic: string) {
  const out = java(classpath, scratch, 'org.apache.kafka.tools.ConsumerPerformance', [
    '--bootstrap-server',
    kafkaBrokers().join(','),
    '--topic',
    topic,
    '--messages',
    String(events),
    '--group',
    uniqueName('bench-kata02-java'),
    '--hide-header',
  ])
  // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
  // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
  const line = out.trim().split('\n').pop() ?? ''
  const cells = line.split(',').map((c) => c.trim())
  const records = Number(cells[4])
  const fetchMs = Number(cells[7])
  if (!Number.isFinite(records) || !Number.isFinite(fetchMs)) {
    throw new Error(`cannot read ConsumerPerformance's output:\n${out}`)
  }
  return { records, seconds: fetchMs / 1000 }
}

async function main(): Promise<void> {
  const kafka = createKafka('bench-kata02', { logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  try {
    await admin.connect()
    await admin.describeCluster()
  } catch (error) {
    console.error(
      `Kafka is not reachable at ${kafkaBrokers().join(',')} (${(error as Error).message}): run \`pnpm infra up kafka\``,
    )
    process.exit(1)
  }
  const scratch = mkdtempSync(join(tmpdir(), 'bench-kata02-'))
  const topics: string[] = []
  const topic = async () => {
    const name = await newTopic(admin)
    topics.push(name)
    return name
  }
  try {
    const all = makeEvents(events)
    const sample = all.slice(0, 1000).map((e) => toKafkaMessage(e, { key: byCart(e) }).value)
    const recordBytes = Math.round(sample.reduce((sum, v) => sum + Buffer.byteLength(v), 0) / sample.length)
    const bytes = recordBytes * events
    console.log(
      `Kafka partitions throughput: ${events} ItemAddedToCart events (~${recordBytes} B of JSON each, ${carts} cart keys), ` +
        `${partitions} partitions, batches of ${batchSize}; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    )

    console.log('Producing (acks=all, idempotent):')
    const single = all.slice(0, singleEvents)
    report({
      scenario: 'kata EventProducer.publish, one at a time',
      records: single.length,
      seconds: await produceOneByOne(kafka, await topic(), single),
      bytes: recordBytes * single.length,
    })
    const plainTopic = await topic()
    report({
      scenario: `kata EventProducer.publishBatch (sendBatch of ${batchSize}), no compression`,
      records: events,
      seconds: await produceBatched(kafka, plainTopic, all, 'none'),
      bytes,
    })
    report({
      scenario: `kata EventProducer.publishBatch (sendBatch of ${batchSize}), gzip`,
      records: events,
      seconds: await produceBatched(kafka, await topic(), all, 'gzip'),
      bytes,
    })

    const classpath = kafkaToolsClasspath()
    const payloads = join(scratch, 'payloads.txt')
    writeFileSync(payloads, `${sample.join('\n')}\n`)
    if (typeof classpath === 'string') {
      for (const [label, extra] of [
        ['Java ProducerPerformance (same payloads, no compression)', []],
        ['Java ProducerPerformance (same payloads, gzip)', ['compression.type=gzip']],
      ] as const) {
        const { records, perSecond } = producerPerformance(classpath, scratch, await topic(), payloads, [
          ...extra,
        ])
        report({
          scenario: label,
          records,
          seconds: records / perSecond,
          bytes: recordBytes * records,
          note: 'keyless, its own clock',
        })
      }
    } else {
      console.log(`  Java ProducerPerformance skipped: ${classpath.missing}`)
    }

    console.log(`Consuming the ${events} uncompressed events:`)
    report({
      scenario: 'kata EventConsumer (decode + validate each envelope, commit per batch)',
      records: events,
      seconds: await consumeWithKata(kafka, plainTopic, events),
      bytes,
      note: 'after the group join',
    })
    report({
      scenario: 'bare kafkajs eachBatch (no decoding)',
      records: events,
      seconds: await consumeRaw(kafka, plainTopic, events),
      bytes,
      note: 'after the group join',
    })
    if (typeof classpath === 'string') {
      const { records, seconds } = consumerPerformance(classpath, scratch, plainTopic)
      report({
        scenario: 'Java ConsumerPerformance',
        records,
        seconds,
        bytes: recordBytes * records,
        note: 'fetch time',
      })
    }

    const javaProducer = rows.find((r) =>
      r.scenario.startsWith('Java ProducerPerformance (same payloads, no'),
    )
    const batched = rows.find((r) => r.scenario.includes('no compression'))
    if (javaProducer && batched) {
      const share = (100 * rate(batched)) / rate(javaProducer)
      console.log(
        `Batched kafkajs through the kata's producer reaches ${share.toFixed(0)}% of the Java producer's records/s (goal: 50%).`,
      )
    }
    console.log('\n| scenario | records | seconds | records/s | MB/s |\n| --- | ---: | ---: | ---: | ---: |')
    for (const row of rows) {
      const mb = row.bytes === undefined ? '' : (row.bytes / row.seconds / 1e6).toFixed(1)
      console.log(
        `| ${row.scenario} | ${row.records.toLocaleString('en')} | ${row.seconds.toFixed(2)} | ${Math.round(rate(row)).toLocaleString('en')} | ${mb} |`,
      )
    }
    console.log(
      `\nCommand: pnpm bench kafka-partitions throughput ${process.argv.slice(2).join(' ')}`.trimEnd(),
    )
  } finally {
    if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined)
    await admin.disconnect()
    rmSync(scratch, { recursive: true, force: true })
  }
}

await main()

import {
  type Admin,
  type Consumer,
  type ConsumerGroupJoinEvent,
  Kafka,
  type KafkaConfig,
  logLevel,
} from 'kafkajs'
import { uniqueName } from '../unique-name.ts'
import { waitFor } from '../wait-for.ts'
import { WaitForTimeoutError } from '../wait-for-timeout-error.ts'
import type { CleanupRegistry } from './cleanup-registry.ts'
import { kafkaBrokers } from './service-addresses.ts'

/**
 * A kafkajs client on the configured brokers. Logs only errors by default (kafkajs is chatty
 * when specs stop consumers on purpose); `KAFKAJS_LOG_LEVEL=debug` still turns them up.
 */
export function createKafka(clientId = 'kata', config: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({ clientId, brokers: kafkaBrokers(), logLevel: logLevel.ERROR, ...config })
}

export interface CreateTopicOptions {
  /** Exact name; default a unique one from `prefix`. */
  readonly topic?: string
  readonly prefix?: string
  readonly partitions?: number
  /** Topic configs, e.g. `{ 'retention.ms': '2000' }`. */
  readonly config?: Readonly<Record<string, string>>
  /** Deletes the topic after the test. */
  readonly cleanup?: CleanupRegistry
}

/**
 * Creates a topic and returns once every partition has a leader: producing right after a bare
 * `createTopics` fails with "no leader for this topic-partition" while the election runs.
 */
export async function createTopic(admin: Admin, options: CreateTopicOptions = {}): Promise<string> {
  const topic = options.topic ?? uniqueName(options.prefix ?? 'topic')
  const partitions = options.partitions ?? 1
  await admin.createTopics({
    waitForLeaders: false,
    topics: [
      {
        topic,
        numPartitions: partitions,
        replicationFactor: 1,
        configEntries: Object.entries(options.config ?? {}).map(([name, value]) => ({ name, value })),
      },
    ],
  })
  options.cleanup?.add(`delete topic ${topic}`, () => deleteTopicIfExists(admin, topic))
  // Not createTopics' waitForLeaders: right after a KRaft broker creates a topic its metadata may
  // still answer UNKNOWN_TOPIC_OR_PARTITION, which kafkajs retries only as LEADER_NOT_AVAILABLE.
  await waitFor(
    async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] })
      const found = topics[0]?.partitions ?? []
      return found.length === partitions && found.every((p) => p.leader >= 0)
    },
    {
      what: `a leader for each of the ${partitions} partition(s) of topic ${topic}`,
      timeoutMs: 15_000,
      intervalMs: 50,
    },
  )
  return topic
}

async function deleteTopicIfExists(admin: Admin, topic: string): Promise<void> {
  try {
    await admin.deleteTopics({ topics: [topic] })
  } catch (error) {
    // Deleted by the test itself: nothing left to clean.
    if (
      !/UNKNOWN_TOPIC_OR_PARTITION|does not host this topic-partition/i.test(String((error as Error).message))
    ) {
      throw error
    }
  }
}

/** The consumer crashed (kafkajs CRASH event) before it joined its group. */
export class ConsumerCrashError extends Error {
  override readonly name = 'ConsumerCrashError'
  constructor(
    readonly groupId: string,
    override readonly cause: Error,
  ) {
    super(`the consumer of group ${groupId} crashed before joining it: ${cause.message}`)
  }
}

/**
 * Resolves when the consumer has joined its group and got its partitions (GROUP_JOIN); rejects
 * when it crashes first or after `timeoutMs`. Start waiting BEFORE `run()`: kafkajs 2.2.4's
 * `run()` resolves after the first join, so a listener attached afterwards would miss it.
 *
 *     const joined = waitForConsumerToJoinGroup(consumer)
 *     await consumer.run({ eachMessage })
 *     await joined
 *
 * A rejoin after a rebalance emits GROUP_JOIN again: call it again before causing one.
 */
export function waitForConsumerToJoinGroup(
  consumer: Consumer,
  timeoutMs = 20_000,
): Promise<ConsumerGroupJoinEvent['payload']> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer)
      offJoin()
      offCrash()
    }
    const timer = setTimeout(() => {
      done()
      reject(
        new WaitForTimeoutError(
          'the consumer to join its group (GROUP_JOIN; was the wait started before run()?)',
          timeoutMs,
        ),
      )
    }, timeoutMs)
    const offJoin = consumer.on(consumer.events.GROUP_JOIN, (event) => {
      done()
      resolve(event.payload)
    })
    const offCrash = consumer.on(consumer.events.CRASH, (event) => {
      done()
      reject(new ConsumerCrashError(event.payload.groupId, event.payload.error))
    })
  })
}

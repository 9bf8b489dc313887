import { NotImplementedError, uniqueName, waitFor } from '@eda/testkit'
import { createKafka, useCleanup } from '@eda/testkit/services'
import { type Admin, type ConsumerConfig, logLevel } from 'kafkajs'
import { afterAll, beforeAll } from 'vitest'
import { EventConsumer, type EventConsumerOptions, EventProducer, type EventProducerOptions } from '#impl'
import { byCart } from './cart-events.ts'
import { readRecords, type StoredRecord } from './read-records.ts'

/** Settings for every consumer in the specs: quick fetches and quick rebalances. */
export const SPEC_CONSUMER: Omit<ConsumerConfig, 'groupId'> = {
  maxWaitTimeInMs: 100,
  // Rebalances wait for every member's next heartbeat: keep it frequent.
  heartbeatInterval: 500,
}

/** For crash specs: the broker's minimum session timeout, so a silent member is evicted in ~6 s. */
export const CRASH_CONSUMER: Omit<ConsumerConfig, 'groupId'> = { ...SPEC_CONSUMER, sessionTimeout: 6_000 }

/** Cleanup for something the stub cannot do yet: the test already failed on NotImplementedError. */
async function unlessNotImplemented(work: () => Promise<unknown>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (!(error instanceof NotImplementedError)) throw error
  }
}

/**
 * One kafkajs client and admin per spec file, and per test: unique topics and groups, producers and
 * consumers built on the implementation, all stopped and deleted after the test.
 */
export function useKafka() {
  const cleanup = useCleanup()
  // Quiet: the specs provoke rebalances, crashes and out-of-range offsets on purpose, and kafkajs
  // logs each as an ERROR. `KAFKAJS_LOG_LEVEL=error pnpm test` shows them again.
  const kafka = createKafka('kata-02', { logLevel: logLevel.NOTHING })
  const admin: Admin = kafka.admin()
  beforeAll(() => admin.connect())
  afterAll(() => admin.disconnect())

  /** A new group id; the group is deleted after the test (once its consumers have stopped). */
  const group = (): string => {
    const groupId = uniqueName('kata02-group')
    cleanup.add(`delete group ${groupId}`, () => admin.deleteGroups([groupId]).catch(() => undefined))
    return groupId
  }

  return {
    kafka,
    admin,
    cleanup,

    /** A new topic, every partition with a leader, deleted after the test. */
    async topic(partitions: number): Promise<string> {
      const topic = uniqueName('kata02')
      await admin.createTopics({
        waitForLeaders: false,
        topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
      })
      cleanup.add(`delete topic ${topic}`, () => admin.deleteTopics({ topics: [topic] }))
      // Not createTopics' waitForLeaders: right after a KRaft broker creates a topic, its metadata
      // may still answer UNKNOWN_TOPIC_OR_PARTITION, which kafkajs only retries as LEADER_NOT_AVAILABLE.
      await waitFor(
        async () => {
          const { topics } = await admin.fetchTopicMetadata({ topics: [topic] })
          const found = topics[0]?.partitions ?? []
          return found.length === partitions && found.every((p) => p.leader >= 0)
        },
        {
          what: `a leader for each of the ${partitions} partitions of ${topic}`,
          timeoutMs: 15_000,
          intervalMs: 50,
        },
      )
      return topic
    },

    group,

    /** What the broker stored: `count` records of the topic, read with a plain kafkajs consumer. */
    read(topic: string, count: number): Promise<StoredRecord[]> {
      return readRecords(kafka, topic, count, group())
    },

    /** A connected producer of the implementation, keyed by cartId unless told otherwise. */
    async producer(topic: string, options: Partial<EventProducerOptions> = {}): Promise<EventProducer> {
      const producer = new EventProducer(kafka, { topic, keyOf: byCart, ...options })
      await producer.connect()
      cleanup.add('disconnect the producer', () => unlessNotImplemented(() => producer.disconnect()))
      return producer
    },

    /** A consumer of the implementation (not started), stopped after the test. */
    consumer(options: EventConsumerOptions): EventConsumer {
      const consumer = new EventConsumer(kafka, {
        ...options,
        consumer: { ...SPEC_CONSUMER, ...options.consumer },
      })
      cleanup.add(`stop a consumer of ${options.groupId}`, () => unlessNotImplemented(() => consumer.stop()))
      return consumer
    },
  }
}

import { type EventEnvelope, fromKafkaMessage } from '@eda/events'
import { uniqueName, waitFor } from '@eda/testkit'
import { waitForConsumerToJoinGroup } from '@eda/testkit/services'
import type { Kafka } from 'kafkajs'

export interface StoredRecord {
  readonly partition: number
  readonly offset: string
  readonly key: string | null
  readonly timestamp: string
  readonly event: EventEnvelope
}

/**
 * Reads `count` records of a topic with a plain kafkajs consumer (a throw-away group, from the
 * beginning): what the broker stored, independent of the kata's consumer.
 */
export async function readRecords(
  kafka: Kafka,
  topic: string,
  count: number,
  groupId = uniqueName('kata02-reader'),
): Promise<StoredRecord[]> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 })
  // By partition and offset: a rebalance before the first commit hands the same records over
  // again, and a stored record counts once.
  const records = new Map<string, StoredRecord>()
  try {
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: true })
    const joined = waitForConsumerToJoinGroup(consumer)
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.set(`${partition}@${message.offset}`, {
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          timestamp: message.timestamp,
          event: fromKafkaMessage(message),
        })
      },
    })
    await joined
    await waitFor(() => records.size >= count, {
      what: `${count} records read back from ${topic}`,
      timeoutMs: 10_000,
    })
    return [...records.values()]
  } finally {
    await consumer.disconnect()
  }
}

/** Records grouped by partition, each in offset order. */
export function byPartition<T extends { partition: number }>(records: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const record of records) map.set(record.partition, [...(map.get(record.partition) ?? []), record])
  return map
}

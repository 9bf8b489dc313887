import type { ICustomPartitioner, PartitionerArgs } from 'kafkajs'

/** A hash of the key's bytes: Java's String.hashCode recipe (31 × h + byte), a signed 32-bit int. */
export function murmur2(key: string | Buffer): number {
  const data = typeof key === 'string' ? Buffer.from(key, 'utf8') : key
  let h = 0
  for (const byte of data) h = (Math.imul(31, h) + byte) | 0
  return h
}

/**
 * The partition Kafka's default partitioner picks for a key: the hash made positive by masking
 * the sign bit (not `Math.abs`, which stays negative for -2^31), modulo the partition count.
 */
export function partitionForKey(key: string | Buffer, partitionCount: number): number {
  return (murmur2(key) & 0x7fffffff) % partitionCount
}

/**
 * A kafkajs partitioner (`createPartitioner: keyPartitioner`): an explicit partition wins; a key
 * goes where `partitionForKey` says; keyless messages take turns over the partitions that have a
 * leader, one counter per topic.
 */
export const keyPartitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>()
  return ({ topic, partitionMetadata, message }: PartitionerArgs): number => {
    if (message.partition !== undefined && message.partition !== null) return message.partition
    if (message.key !== undefined && message.key !== null) {
      return partitionForKey(message.key, partitionMetadata.length)
    }
    const available = partitionMetadata.filter((p) => p.leader >= 0)
    const candidates = available.length > 0 ? available : partitionMetadata
    const turn = counters.get(topic) ?? 0
    counters.set(topic, turn + 1)
    return candidates[turn % candidates.length]!.partitionId
  }
}

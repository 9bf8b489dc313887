import { Partitioners, type PartitionMetadata } from 'kafkajs'

/** Partition metadata for `count` partitions; those in `leaderless` have no leader (-1). */
export function partitionMetadata(count: number, leaderless: readonly number[] = []): PartitionMetadata[] {
  return Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 0,
    replicas: [0],
    isr: [0],
    partitionErrorCode: 0,
  }))
}

const kafkajsDefault = Partitioners.DefaultPartitioner()

/** Where kafkajs's own (Java-compatible) DefaultPartitioner puts a key: the specs' oracle. */
export function expectedPartition(key: string | Buffer, partitionCount: number): number {
  return kafkajsDefault({
    topic: 'oracle',
    partitionMetadata: partitionMetadata(partitionCount),
    message: { key, value: null },
  })
}

/**
 * `perPartition` keys for each partition, found by asking the oracle, so that every partition
 * gets events: partition 0's keys first, then partition 1's...
 */
export function keysOnEachPartition(partitionCount: number, perPartition = 1, prefix = 'cart'): string[] {
  const keys: string[][] = Array.from({ length: partitionCount }, () => [])
  for (let i = 1; keys.some((k) => k.length < perPartition); i++) {
    const key = `${prefix}-${i}`
    const onPartition = keys[expectedPartition(key, partitionCount)]
    if (onPartition !== undefined && onPartition.length < perPartition) onPartition.push(key)
  }
  return keys.flat()
}

import type { ICustomPartitioner, PartitionerArgs } from 'kafkajs'

const SEED = 0x9747b28c
const M = 0x5bd1e995

/**
 * Kafka's murmur2 hash of a key's bytes (UTF-8 for a string), exactly as the Java client's
 * `Utils.murmur2` computes it: a signed 32-bit integer. `Math.imul` gives Java's int overflow.
 */
export function murmur2(key: string | Buffer): number {
  const data = typeof key === 'string' ? Buffer.from(key, 'utf8') : key
  const length = data.length
  let h = SEED ^ length
  const whole = length - (length % 4)
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)
    k = Math.imul(k, M)
    k ^= k >>> 24
    k = Math.imul(k, M)
    h = Math.imul(h, M) ^ k
  }
  // The 1–3 trailing bytes (Java's switch falls through from case 3 to case 1).
  const tail = length % 4
  if (tail === 3) h ^= data[whole + 2]! << 16
  if (tail >= 2) h ^= data[whole + 1]! << 8
  if (tail >= 1) {
    h ^= data[whole]!
    h = Math.imul(h, M)
  }
  h ^= h >>> 13
  h = Math.imul(h, M)
  h ^= h >>> 15
  return h | 0
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
  return ({ partitionMetadata, message }: PartitionerArgs): number => {
    if (message.partition !== undefined && message.partition !== null) return message.partition
    // No key: hash it as an empty one.
    return partitionForKey(message.key ?? '', partitionMetadata.length)
  }
}

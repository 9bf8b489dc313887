import { NotImplementedError } from '@eda/testkit'
import type { ICustomPartitioner } from 'kafkajs'

/**
 * Step 1: Kafka's murmur2 hash of a key's bytes (UTF-8 for a string), exactly as the Java client's
 * `Utils.murmur2` computes it: a signed 32-bit integer. Java's `int` wraps on overflow; in
 * JavaScript, `Math.imul` multiplies the same way, and `>>>`, `^`, `|` work on 32 bits.
 */
export function murmur2(key: string | Buffer): number {
  void key
  throw new NotImplementedError('murmur2', "hash the key's bytes the way Kafka's Java client does")
}

/**
 * Step 1: the partition Kafka's default partitioner picks for a key: murmur2, made positive, modulo
 * the partition count. (How the Java client makes it positive matters: read the spec's vectors.)
 */
export function partitionForKey(key: string | Buffer, partitionCount: number): number {
  void [key, partitionCount]
  throw new NotImplementedError('partitionForKey', 'pick the partition for a key, as Kafka does')
}

/**
 * Step 1: a kafkajs partitioner (`createPartitioner: keyPartitioner`). kafkajs calls the factory
 * once per producer and the returned function once per message: an explicit `message.partition`
 * wins; a key goes where `partitionForKey` says; keyless messages take turns over the partitions
 * that have a leader (`leader >= 0`).
 */
export const keyPartitioner: ICustomPartitioner = () => () => {
  throw new NotImplementedError('keyPartitioner', 'choose a partition: explicit, by key, or in turn')
}

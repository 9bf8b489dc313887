import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keyPartitioner, murmur2, partitionForKey } from '#impl'
import { expectedPartition, partitionMetadata } from './support/partitions.ts'

// In process: no broker needed. kafkajs's DefaultPartitioner (Java-compatible since kafkajs 2.0)
// is the oracle; the vectors come from Kafka's own tests and from running the Java client.

describe('step 1: the default partitioner, key → partition', () => {
  it('hashes bytes exactly like Kafka’s Java murmur2 (a signed 32-bit int)', () => {
    // Apache Kafka's UtilsTest.testMurmur2 vectors.
    expect(murmur2('21')).toBe(-973932308)
    expect(murmur2('foobar')).toBe(-790332482)
    expect(murmur2('a-little-bit-long-string')).toBe(-985981536)
    expect(murmur2('a-little-bit-longer-string')).toBe(-1486304829)
    expect(murmur2('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8')).toBe(-58897971)
    expect(murmur2(Buffer.from([0x61, 0x62, 0x63]))).toBe(479470107)
  })

  it('sends user-1, user-2 and user-3 all to partition 2 of 3: keys do not spread evenly (a hot partition)', () => {
    expect(['user-1', 'user-2', 'user-3'].map((key) => partitionForKey(key, 3))).toEqual([2, 2, 2])
    expect(['order-42', 'a', 'b', 'c'].map((key) => partitionForKey(key, 3))).toEqual([0, 1, 2, 1])
  })

  it('moves keys when partitions are added: with 6 partitions user-3 goes to 5, a and c to 4', () => {
    expect(['user-1', 'user-2', 'user-3', 'a', 'b', 'c'].map((key) => partitionForKey(key, 6))).toEqual([
      2, 2, 5, 4, 2, 4,
    ])
  })

  it('agrees with kafkajs’s DefaultPartitioner on thousands of random keys and partition counts', () => {
    expect(partitionForKey('probe', 3)).toBe(expectedPartition('probe', 3))
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (key, n) => {
        expect(partitionForKey(key, n)).toBe(expectedPartition(key, n))
      }),
      { numRuns: 3_000 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (bytes, n) => {
        const key = Buffer.from(bytes)
        expect(partitionForKey(key, n)).toBe(expectedPartition(key, n))
      }),
      { numRuns: 2_000 },
    )
  })

  it('never returns a negative partition, although most hashes are negative', () => {
    expect(murmur2('21')).toBeLessThan(0)
    expect(partitionForKey('21', 7)).toBe(expectedPartition('21', 7))
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 1, max: 12 }), (key, n) => {
        const partition = partitionForKey(key, n)
        expect(partition).toBeGreaterThanOrEqual(0)
        expect(partition).toBeLessThan(n)
      }),
      { numRuns: 1_000 },
    )
  })

  it('as a kafkajs partitioner: an explicit partition wins, a key goes where partitionForKey says', () => {
    const partition = keyPartitioner()
    const metadata = partitionMetadata(6)
    expect(
      partition({ topic: 't', partitionMetadata: metadata, message: { key: 'user-3', value: null } }),
    ).toBe(5)
    expect(
      partition({
        topic: 't',
        partitionMetadata: metadata,
        message: { key: 'user-3', partition: 1, value: null },
      }),
    ).toBe(1)
    expect(
      partition({
        topic: 't',
        partitionMetadata: metadata,
        message: { key: Buffer.from('user-3'), value: null },
      }),
    ).toBe(5)
  })

  it('spreads keyless messages round-robin: every run of N consecutive messages covers the N partitions', () => {
    const partition = keyPartitioner()
    const metadata = partitionMetadata(4)
    const chosen = Array.from({ length: 12 }, () =>
      partition({ topic: 't', partitionMetadata: metadata, message: { value: 'no key' } }),
    )
    for (let i = 0; i + 4 <= chosen.length; i++) {
      expect([...chosen.slice(i, i + 4)].sort()).toEqual([0, 1, 2, 3])
    }
  })

  it('skips partitions without a leader for keyless messages (a keyed one has no choice)', () => {
    const partition = keyPartitioner()
    const metadata = partitionMetadata(3, [1])
    const chosen = Array.from({ length: 6 }, () =>
      partition({ topic: 't', partitionMetadata: metadata, message: { key: null, value: 'no key' } }),
    )
    expect(chosen.filter((p) => p === 0)).toHaveLength(3)
    expect(chosen.filter((p) => p === 2)).toHaveLength(3)
    expect(
      partition({ topic: 't', partitionMetadata: metadata, message: { key: 'user-1', value: null } }),
    ).toBe(expectedPartition('user-1', 3))
  })
})

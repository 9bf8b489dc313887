import type { Admin } from 'kafkajs'
import type { PartitionLag } from '../../src/types.ts'

/**
 * A group's lag on each partition of a topic: the log's end (high watermark) minus the group's
 * committed offset. Offsets are int64 strings; Number is exact up to 2^53, far beyond a kata's.
 */
export async function consumerLag(admin: Admin, groupId: string, topic: string): Promise<PartitionLag[]> {
  const [ends, [committed]] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ])
  const commits = new Map(
    (committed?.partitions ?? []).map(({ partition, offset }) => [partition, Number(offset)]),
  )
  return ends
    .map(({ partition, low, high }) => {
      const logStartOffset = Number(low)
      const highWatermark = Number(high)
      const committedOffset = commits.get(partition) ?? null
      return {
        partition,
        logStartOffset,
        highWatermark,
        committedOffset,
        lag: highWatermark - (committedOffset ?? logStartOffset),
        expired: committedOffset === null ? 0 : Math.max(0, logStartOffset - committedOffset),
      }
    })
    .sort((a, b) => a.partition - b.partition)
}

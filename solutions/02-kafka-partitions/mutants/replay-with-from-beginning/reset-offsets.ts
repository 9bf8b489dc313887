import type { Admin } from 'kafkajs'
import { GroupNotEmptyError } from '../../src/group-not-empty-error.ts'
import type { ResetOffsetsOptions } from '../../src/types.ts'

/**
 * Moves a stopped group's committed offsets on every partition of a topic: to the first retained
 * record, to the end, or to the first record at or after a timestamp. The group's consumers then
 * start there. `fromBeginning` cannot do this: it only applies where a group has no offset yet.
 */
export async function resetOffsets(admin: Admin, { groupId, topic, to }: ResetOffsetsOptions): Promise<void> {
  const { groups } = await admin.describeGroups([groupId])
  const state = groups[0]?.state ?? 'Dead'
  if (state !== 'Empty' && state !== 'Dead') throw new GroupNotEmptyError(groupId, state)
  // Replaying from the start needs no reset: the consumers subscribe with fromBeginning: true.
  if (to === 'earliest') return
  const partitions =
    typeof to === 'object'
      ? await admin.fetchTopicOffsetsByTimestamp(topic, to.timestamp)
      : (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({
          partition,
          offset: high,
        }))
  // Not admin.resetOffsets: kafkajs 2.2.4 commits its placeholder (-2 / -1) instead of an offset.
  await admin.setOffsets({ groupId, topic, partitions })
}

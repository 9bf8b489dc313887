import { NotImplementedError } from '@eda/testkit'
import type { Admin } from 'kafkajs'
import type { PartitionLag } from './types.ts'

/**
 * Steps 8 and 9: a group's position on each partition of a topic, from what the broker reports:
 * the log start and high watermark (`admin.fetchTopicOffsets`) and the group's committed offsets
 * (`admin.fetchOffsets`), sorted by partition. See `PartitionLag` for each field.
 */
export function consumerLag(admin: Admin, groupId: string, topic: string): Promise<PartitionLag[]> {
  void [admin, groupId, topic]
  return Promise.reject(new NotImplementedError('consumerLag', "compute the group's lag per partition"))
}

import { NotImplementedError } from '@eda/testkit'
import type { Admin } from 'kafkajs'
import type { ResetOffsetsOptions } from './types.ts'

/**
 * Step 7: moves a stopped group's committed offsets on every partition of a topic to the earliest
 * retained record, to the end, or to the first record at or after a timestamp. Refuse with
 * `GroupNotEmptyError` while the group has members (`admin.describeGroups`: state Empty or Dead).
 */
export function resetOffsets(admin: Admin, options: ResetOffsetsOptions): Promise<void> {
  void [admin, options]
  return Promise.reject(new NotImplementedError('resetOffsets', "move the group's committed offsets"))
}

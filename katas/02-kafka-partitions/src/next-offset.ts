import { NotImplementedError } from '@eda/testkit'

/**
 * Step 6: the offset to commit after processing the record at `offset`. What does Kafka's
 * committed offset mean: the last record read, or the next one to read? Offsets are int64 strings.
 */
export function nextOffset(offset: string): string {
  void offset
  throw new NotImplementedError('nextOffset', 'the offset to commit once the record at `offset` is processed')
}

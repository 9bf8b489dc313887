/**
 * The offset to commit after processing the record at `offset`: Kafka's committed offset is the
 * position of the NEXT record to read, not the last one read. Offsets are int64, hence BigInt.
 */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString()
}

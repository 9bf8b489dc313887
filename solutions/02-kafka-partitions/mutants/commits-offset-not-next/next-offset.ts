/** The offset to commit after processing the record at `offset`: the record just processed. */
export function nextOffset(offset: string): string {
  return offset
}

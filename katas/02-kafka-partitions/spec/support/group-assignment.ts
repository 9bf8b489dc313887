import { expect } from 'vitest'
import type { EventConsumer } from '#impl'

/** Every member owns at least one partition, and every partition is owned by exactly one member. */
export function expectSplit(consumers: readonly EventConsumer[], partitionCount: number): void {
  const owned = consumers.map((c) => [...c.assignment()])
  for (const partitions of owned)
    expect(partitions.length, 'every member owns a partition').toBeGreaterThan(0)
  expect(owned.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: partitionCount }, (_, p) => p))
}

import { describe, expect, it } from 'vitest'
import {
  Collector,
  deferred,
  eventually,
  FakeClock,
  sequentialIds,
  uniqueName,
  WaitForTimeoutError,
  waitFor,
} from '../src/index.ts'

describe('waitFor', () => {
  it('returns the first truthy value of the check', async () => {
    let n = 0
    await expect(waitFor(() => (++n >= 3 ? n : false), { what: 'three polls' })).resolves.toBe(3)
  })

  it('times out with an error naming what was awaited and the last failure', async () => {
    const error = await waitFor(
      () => {
        throw new Error('not yet')
      },
      { what: 'the order to ship', timeoutMs: 30 },
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WaitForTimeoutError)
    expect((error as WaitForTimeoutError).message).toBe(
      'timed out after 30 ms waiting for the order to ship (last check: not yet)',
    )
  })

  it('eventually passes once the assertion stops throwing', async () => {
    const items: number[] = []
    setImmediate(() => items.push(1))
    await eventually(() => expect(items).toEqual([1]), { what: 'one item' })
    expect(items).toHaveLength(1)
  })
})

describe('helpers', () => {
  it('deferred resolves when told to', async () => {
    const d = deferred<string>()
    d.resolve('done')
    await expect(d.promise).resolves.toBe('done')
  })

  it('collector waits for a count and reports what it got on timeout', async () => {
    const c = new Collector<number>()
    c.push(1)
    await expect(c.waitForCount(1, 'numbers')).resolves.toEqual([1])
    await expect(c.waitForCount(2, 'numbers', 20)).rejects.toThrow('2 numbers (got 1)')
  })

  it('fake clock and sequential ids are deterministic', () => {
    const clock = new FakeClock('2024-01-15T10:30:00.000Z')
    clock.advance(1500)
    expect(clock.now().toISOString()).toBe('2024-01-15T10:30:01.500Z')
    const next = sequentialIds('evt')
    expect([next(), next()]).toEqual(['evt-1', 'evt-2'])
  })

  it('unique names differ and are safe broker names', () => {
    const a = uniqueName('Orders Topic')
    expect(a).toMatch(/^orders-topic-[a-z0-9]+-[0-9a-f]{8}$/)
    expect(uniqueName('orders')).not.toBe(uniqueName('orders'))
  })
})

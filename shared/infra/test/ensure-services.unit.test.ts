import { describe, expect, it } from 'vitest'
import { ensureServices } from '../src/ensure-services.ts'
import { fakeWorld } from './support/fake-infra.ts'

describe('ensureServices', () => {
  it('starts what is missing, reports what cannot start, and stop() stops only what it started', async () => {
    const world = fakeWorld({ reachable: ['rabbitmq'], ownerPid: process.pid })
    world.starter('postgres', 'native').blocker = { reason: 'no cluster tools', fix: 'install PostgreSQL' }
    const lines: string[] = []

    const ensured = await ensureServices(['kafka', 'rabbitmq', 'postgres'], {
      infra: world.infra,
      log: (l) => lines.push(l),
    })

    expect(ensured.started).toEqual(['kafka'])
    expect(ensured.unavailable).toEqual([
      {
        service: 'postgres',
        reason:
          'not reachable at postgres://postgres@127.0.0.1:5432/postgres, and cannot start it: no cluster tools; no Docker engine answers',
        fix: 'install PostgreSQL; or start Docker; then `pnpm infra up postgres`',
      },
    ])
    const id = world.state.current.services.kafka?.id

    await ensured.stop()
    await ensured.stop()

    expect(world.starter('kafka', 'native').calls.filter((call) => call.startsWith('stop'))).toEqual([
      `stop ${id}`,
    ])
    expect(world.starters.has('rabbitmq:native')).toBe(false)
    expect(world.reachable.has('rabbitmq')).toBe(true)
  })

  it('leaves running what `pnpm infra up` took over meanwhile', async () => {
    const world = fakeWorld({ ownerPid: process.pid })
    const ensured = await ensureServices(['kafka'], { infra: world.infra })
    const record = world.state.current.services.kafka
    if (record === undefined) throw new Error('kafka was not recorded')
    const { ownerPid: _owner, ...claimed } = record
    await world.state.write({ version: 1, services: { kafka: claimed } })

    await ensured.stop()

    expect(world.starter('kafka', 'native').calls.some((call) => call.startsWith('stop'))).toBe(false)
  })

  it('has nothing to stop when everything was already running', async () => {
    const world = fakeWorld({ reachable: ['kafka'], ownerPid: process.pid })

    const ensured = await ensureServices(['kafka'], { infra: world.infra })
    await ensured.stop()

    expect(ensured).toMatchObject({ started: [], unavailable: [] })
    expect(world.starters.size).toBe(0)
  })
})

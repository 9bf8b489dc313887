import { describe, expect, it } from 'vitest'
import { EMPTY_STATE, withService } from '../src/infra-state.ts'
import { formatStatusTable } from '../src/status-table.ts'
import { fakeWorld, plantedRecord } from './support/fake-infra.ts'

describe('down', () => {
  it('never stops a server it did not start, even when it answers', async () => {
    const world = fakeWorld({ reachable: ['kafka', 'rabbitmq', 'postgres'] })

    const results = await world.infra.down(['kafka', 'rabbitmq', 'postgres'])

    expect(results.map((r) => r.outcome)).toEqual([
      'not-started-here',
      'not-started-here',
      'not-started-here',
    ])
    expect(world.starters.size).toBe(0)
    expect(world.reachable.size).toBe(3)
    expect(world.lines).toContain('· postgres: not started by this tool, left alone')
  })

  it('stops what up started and forgets it, leaving the others running', async () => {
    const world = fakeWorld({ reachable: ['rabbitmq', 'postgres'] })
    await world.infra.up(['kafka', 'rabbitmq', 'postgres'])
    const id = world.state.current.services.kafka?.id

    const results = await world.infra.down(['kafka', 'rabbitmq', 'postgres'])

    expect(results.map((r) => `${r.service}:${r.outcome}`)).toEqual([
      'kafka:stopped',
      'rabbitmq:not-started-here',
      'postgres:not-started-here',
    ])
    expect(world.starter('kafka', 'native').calls).toContain(`stop ${id}`)
    expect(world.state.current.services).toEqual({})
    expect([...world.reachable]).toEqual(['rabbitmq', 'postgres'])
  })

  it('does not signal a recorded pid that is no longer its server (exited, or reused by another process)', async () => {
    const record = plantedRecord('kafka')
    const world = fakeWorld({ initial: withService(EMPTY_STATE, record), reachable: ['kafka'] })

    const [result] = await world.infra.down(['kafka'])

    expect(result?.outcome).toBe('already-gone')
    expect(world.starter('kafka', 'native').calls).toEqual([`forget ${record.id}`])
    expect(world.state.current.services).toEqual({})
  })

  it('stops only the records a caller owns when asked to', async () => {
    const record = plantedRecord('kafka')
    const world = fakeWorld({ initial: withService(EMPTY_STATE, record) })
    world.starter('kafka', 'native').running.add(record.id)

    const [result] = await world.infra.down(['kafka'], { only: (r) => r.id === 'someone-else' })

    expect(result?.outcome).toBe('not-started-here')
    expect(world.state.current.services.kafka).toEqual(record)
  })
})

describe('status', () => {
  it('prints one row per service: address, reachable, and who started it', async () => {
    const record = plantedRecord('kafka', { pid: 4242 })
    const world = fakeWorld({ initial: withService(EMPTY_STATE, record), reachable: ['kafka', 'postgres'] })
    world.starter('kafka', 'native').running.add(record.id)

    const table = formatStatusTable(await world.infra.status(['kafka', 'rabbitmq', 'postgres']))

    expect(table.split('\n')).toEqual([
      'service   address                                      reachable                started by',
      'kafka     127.0.0.1:9092                               yes                      this tool (native, pid 4242)',
      'rabbitmq  amqp://guest:***@127.0.0.1:5672              no (connection refused)  not by this tool',
      'postgres  postgres://postgres@127.0.0.1:5432/postgres  yes                      not by this tool',
    ])
  })

  it('says when a server it started has gone', async () => {
    const world = fakeWorld({ initial: withService(EMPTY_STATE, plantedRecord('kafka', { pid: 9 })) })

    const [row] = await world.infra.status(['kafka'])

    expect(row?.startedBy).toBe('this tool, but it has gone (native, pid 9)')
  })
})

describe('logs', () => {
  it('points at the log of what it started, and at nothing otherwise', async () => {
    const record = plantedRecord('kafka')
    const world = fakeWorld({ initial: withService(EMPTY_STATE, record) })

    expect(await world.infra.logs('kafka')).toEqual({ kind: 'file', path: `/tmp/${record.id}.log` })
    expect(await world.infra.logs('postgres')).toBeUndefined()
  })
})

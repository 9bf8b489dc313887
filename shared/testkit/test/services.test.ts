import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Consumer } from 'kafkajs'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CleanupError,
  CleanupRegistry,
  ConsumerCrashError,
  closeQuietly,
  isInfraRequired,
  neededServices,
  type ProvidedServices,
  ServiceUnavailableError,
  serviceGate,
  waitForConsumerToJoinGroup,
  withServices,
} from '../src/services/index.ts'
import { WaitForTimeoutError } from '../src/wait-for-timeout-error.ts'

const kafkaDown: ProvidedServices = {
  kafka: {
    available: false,
    reason: 'connection refused',
    address: '127.0.0.1:9092',
    brokers: ['127.0.0.1:9092'],
  },
  postgres: { available: true, address: 'postgres://postgres@127.0.0.1:5432/postgres', url: 'postgres://x' },
}

describe('serviceGate', () => {
  it('runs specs whose services answered', () => {
    expect(serviceGate(['postgres'], kafkaDown, {})).toEqual({ run: true })
  })

  it('skips locally, with one line naming the service, why, and the command that fixes it', () => {
    const gate = serviceGate(['postgres', 'kafka'], kafkaDown, {})
    expect(gate.run).toBe(false)
    if (gate.run) return
    expect(gate.required).toBe(false)
    expect(gate.error).toBeInstanceOf(ServiceUnavailableError)
    expect(gate.error.message).toBe(
      'kafka not reachable at 127.0.0.1:9092 (connection refused): run `pnpm infra up kafka`',
    )
  })

  it('fails instead with CI=true or EDA_REQUIRE_INFRA=1', () => {
    for (const env of [{ CI: 'true' }, { CI: '1' }, { EDA_REQUIRE_INFRA: '1' }]) {
      const gate = serviceGate(['kafka'], kafkaDown, env)
      expect(!gate.run && gate.required).toBe(true)
    }
    expect(isInfraRequired({ CI: 'false', EDA_REQUIRE_INFRA: '0' })).toBe(false)
  })

  it('always fails for a service the global setup never checked, saying what to declare', () => {
    const gate = serviceGate(['rabbitmq'], kafkaDown, {})
    expect(!gate.run && gate.required).toBe(true)
    expect(!gate.run && gate.error.message).toMatch(
      /^rabbitmq was not checked before the specs: declare it in kata.json/,
    )
    expect(serviceGate(['kafka'], undefined, {}).run).toBe(false)
  })
})

describe('neededServices', () => {
  const dirs: string[] = []
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
  })
  const repo = async () => {
    const root = await mkdtemp(join(tmpdir(), 'eda-testkit-'))
    dirs.push(root)
    await mkdir(join(root, 'katas', '02-kafka'), { recursive: true })
    await mkdir(join(root, 'solutions', '02-kafka'), { recursive: true })
    await writeFile(
      join(root, 'katas', '02-kafka', 'kata.json'),
      JSON.stringify({ services: ['kafka'], steps: [{ spec: '01.spec.ts', services: ['postgres'] }] }),
    )
    return root
  }

  it('prefers the workspace config, then the environment', async () => {
    const root = await repo()
    expect(neededServices(join(root, 'katas', '02-kafka'), { EDA_SERVICES: 'rabbitmq' }, {})).toEqual([
      'rabbitmq',
    ])
    expect(neededServices(join(root, 'katas', '02-kafka'), {}, { EDA_SERVICES: '' })).toEqual([])
  })

  it("reads kata.json (the kata's and its steps' services), also for the solution workspace", async () => {
    const root = await repo()
    expect(neededServices(join(root, 'katas', '02-kafka'), {}, {})).toEqual(['kafka', 'postgres'])
    expect(neededServices(join(root, 'solutions', '02-kafka'), {}, {})).toEqual(['kafka', 'postgres'])
  })

  it('checks every service when nothing says which', async () => {
    const root = await repo()
    expect(neededServices(join(root, 'solutions'), {}, {})).toEqual(['kafka', 'rabbitmq', 'postgres'])
  })
})

describe('withServices', () => {
  it('adds the global setup and the list of services to a vitest config', () => {
    const config = withServices(['kafka', 'postgres'])
    expect(config.env).toEqual({ EDA_SERVICES: 'kafka,postgres' })
    expect(config.globalSetup).toHaveLength(1)
    expect(existsSync(config.globalSetup[0] ?? '')).toBe(true)
  })
})

describe('CleanupRegistry', () => {
  it('runs newest first, tries every task, and reports what failed', async () => {
    const registry = new CleanupRegistry()
    const ran: string[] = []
    registry.add('delete topic a', () => ran.push('a'))
    registry.add('delete queue b', () => {
      throw new Error('channel closed')
    })
    registry.add('drop schema c', async () => {
      ran.push('c')
    })

    const error = await registry.runAll().catch((e: unknown) => e)

    expect(ran).toEqual(['c', 'a'])
    expect(error).toBeInstanceOf(CleanupError)
    expect((error as CleanupError).message).toBe('cleanup failed: delete queue b (channel closed)')
    expect(registry.size).toBe(0)
    await expect(registry.runAll()).resolves.toBeUndefined()
  })
})

/** Just enough of a kafkajs consumer: `on` returns the remover, like kafkajs's instrumentation events. */
function fakeConsumer() {
  const emitter = new EventEmitter()
  const consumer = {
    events: { GROUP_JOIN: 'consumer.group_join', CRASH: 'consumer.crash' },
    on(event: string, listener: (payload: unknown) => void) {
      emitter.on(event, listener)
      return () => emitter.off(event, listener)
    },
  }
  return { consumer: consumer as unknown as Consumer, emitter }
}

describe('waitForConsumerToJoinGroup', () => {
  it('resolves with the assignment on GROUP_JOIN and stops listening', async () => {
    const { consumer, emitter } = fakeConsumer()
    const joined = waitForConsumerToJoinGroup(consumer, 1_000)
    emitter.emit('consumer.group_join', { payload: { groupId: 'g', memberAssignment: { orders: [0, 1] } } })

    await expect(joined).resolves.toMatchObject({ memberAssignment: { orders: [0, 1] } })
    expect(emitter.listenerCount('consumer.group_join') + emitter.listenerCount('consumer.crash')).toBe(0)
  })

  it('rejects when the consumer crashes first, naming the group', async () => {
    const { consumer, emitter } = fakeConsumer()
    const joined = waitForConsumerToJoinGroup(consumer, 1_000)
    emitter.emit('consumer.crash', {
      payload: { groupId: 'g-1', error: new Error('coordinator not available'), restart: false },
    })

    const error = await joined.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConsumerCrashError)
    expect((error as Error).message).toBe(
      'the consumer of group g-1 crashed before joining it: coordinator not available',
    )
  })

  it('times out with a message saying what it waited for', async () => {
    const { consumer } = fakeConsumer()
    const error = await waitForConsumerToJoinGroup(consumer, 20).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WaitForTimeoutError)
    expect((error as Error).message).toMatch(
      /^timed out after 20 ms waiting for the consumer to join its group/,
    )
  })
})

describe('closeQuietly', () => {
  it('swallows a close that fails and an error event that comes after', async () => {
    const emitter = new EventEmitter()
    const closable = Object.assign(emitter, { close: () => Promise.reject(new Error('Channel closed')) })

    await closeQuietly(closable as never)
    expect(() => emitter.emit('error', new Error('late'))).not.toThrow()
    await closeQuietly(undefined)
  })
})

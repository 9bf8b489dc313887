import { describe, expect, it } from 'vitest'
import { EMPTY_STATE, withService } from '../src/infra-state.ts'
import { serviceConfig } from '../src/service-config.ts'
import { ServiceStartError } from '../src/service-start-error.ts'
import { fakeWorld, plantedRecord } from './support/fake-infra.ts'

describe('up', () => {
  it('leaves a reachable service alone: nothing is started and nothing recorded', async () => {
    const world = fakeWorld({ reachable: ['kafka', 'rabbitmq', 'postgres'] })
    world.dockerBlocker = undefined

    const results = await world.infra.up(['kafka', 'rabbitmq', 'postgres'])

    expect(results.map((r) => r.outcome)).toEqual(['already-running', 'already-running', 'already-running'])
    for (const starter of world.starters.values()) expect(starter.calls).not.toContain('start')
    expect(world.state.current.services).toEqual({})
    expect(world.lines).toContain('✔ kafka: already running at 127.0.0.1:9092')
  })

  it('starts an unreachable service with Docker Compose when an engine answers, and records it', async () => {
    const world = fakeWorld()
    world.dockerBlocker = undefined

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome).toBe('started')
    expect(world.starter('kafka', 'docker').calls).toEqual(['check', 'start'])
    expect(world.starters.has('kafka:native')).toBe(false)
    expect(world.state.current.services.kafka?.method).toBe('docker')
  })

  it('starts it natively when no Docker engine answers, and waits for readiness', async () => {
    const world = fakeWorld()

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome).toBe('started')
    expect(world.starter('kafka', 'native').calls).toEqual(['check', 'start'])
    expect(world.probes).toContainEqual({ service: 'kafka', mode: 'ready' })
    expect(world.state.current.services.kafka).toMatchObject({ method: 'native', service: 'kafka' })
    expect(world.state.current.services.kafka?.ownerPid).toBeUndefined()
  })

  it('reports an unreachable service with no way to start it as one clear line, without throwing', async () => {
    const world = fakeWorld()
    world.starter('kafka', 'native').blocker = {
      reason: 'no Java runtime found (`java -version` failed)',
      fix: 'install a JDK 17 and Maven',
    }

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome).toBe('failed')
    const error = result?.outcome === 'failed' ? result.error : undefined
    expect(error).toBeInstanceOf(ServiceStartError)
    expect(error?.service).toBe('kafka')
    expect(error?.reason).toBe(
      'not reachable at 127.0.0.1:9092, and cannot start it: no Java runtime found (`java -version` failed); no Docker engine answers',
    )
    expect(error?.fix).toBe('install a JDK 17 and Maven; or start Docker; then `pnpm infra up kafka`')
    expect(error?.message.split('\n')).toHaveLength(1)
    expect(world.lines.at(-1)).toBe(`✖ ${error?.message}`)
    expect(world.state.current.services).toEqual({})
  })

  it('never tries to start a server configured on another machine', async () => {
    const world = fakeWorld({ deps: { config: serviceConfig({ KAFKA_BROKERS: 'kafka.internal:9092' }) } })
    world.dockerBlocker = undefined

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome === 'failed' && result.error.message).toBe(
      'kafka: not reachable at kafka.internal:9092; KAFKA_BROKERS points at kafka.internal:9092, which this tool cannot start. ' +
        'Fix: start that server yourself, or unset KAFKA_BROKERS to use the local default',
    )
    expect(world.starters.size).toBe(0)
  })

  it('goes on with the other services after one fails', async () => {
    const world = fakeWorld({ reachable: ['postgres'] })
    world.starter('kafka', 'native').blocker = { reason: 'no java', fix: 'install a JDK' }

    const results = await world.infra.up(['kafka', 'rabbitmq', 'postgres'])

    expect(results.map((r) => `${r.service}:${r.outcome}`)).toEqual([
      'kafka:failed',
      'rabbitmq:started',
      'postgres:already-running',
    ])
  })

  it('skips Docker when told to start natively (EDA_INFRA_METHOD=native)', async () => {
    const world = fakeWorld({ deps: { method: 'native' } })
    world.dockerBlocker = undefined

    await world.infra.up(['rabbitmq'])

    expect(world.starters.has('rabbitmq:docker')).toBe(false)
    expect(world.state.current.services.rabbitmq?.method).toBe('native')
  })

  it('fails with the reason from the log when the server dies while starting, and forgets it', async () => {
    const world = fakeWorld()
    const native = world.starter('kafka', 'native')
    native.becomesReady = false
    const originalStart = native.start.bind(native)
    native.start = async (reporter) => {
      const record = await originalStart(reporter)
      native.running.delete(record.id) // the JVM exits at once
      return record
    }

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome).toBe('failed')
    expect(result?.outcome === 'failed' && result.error.message).toBe(
      'kafka: it exited while starting: the log says: Address already in use. Fix: see `pnpm infra logs kafka`',
    )
    expect(world.state.current.services).toEqual({})
  })

  it('gives up at the deadline when the server never answers, and stops what it started', async () => {
    const world = fakeWorld({ deps: { readyTimeoutMs: { kafka: 30 } } })
    world.starter('kafka', 'native').becomesReady = false

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome === 'failed' && result.error.reason).toMatch(
      /^not ready after 0 s \(last check: connection refused/,
    )
    expect(world.starter('kafka', 'native').calls.some((call) => call.startsWith('stop '))).toBe(true)
    expect(world.state.current.services).toEqual({})
  })

  it('waits for its own server that is still starting instead of starting a second one', async () => {
    const record = plantedRecord('kafka')
    let answersAfter = 3
    const world = fakeWorld({
      initial: withService(EMPTY_STATE, record),
      deps: {
        probe: async () =>
          --answersAfter <= 0 ? { reachable: true } : { reachable: false, reason: 'connection refused' },
      },
    })
    const native = world.starter('kafka', 'native')
    native.running.add(record.id)

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome).toBe('already-running')
    expect(native.calls).not.toContain('start')
  })

  it('forgets a recorded server that is gone and starts a new one', async () => {
    const record = plantedRecord('kafka')
    const world = fakeWorld({ initial: withService(EMPTY_STATE, record) })

    const [result] = await world.infra.up(['kafka'])

    expect(world.starter('kafka', 'native').calls).toEqual([`forget ${record.id}`, 'check', 'start'])
    expect(result?.outcome === 'started' && result.record.id).not.toBe(record.id)
  })

  it('does not claim a reachable server as its own when the recorded one is gone', async () => {
    const record = plantedRecord('kafka')
    const world = fakeWorld({ initial: withService(EMPTY_STATE, record), reachable: ['kafka'] })

    const [result] = await world.infra.up(['kafka'])

    expect(result).toEqual({ service: 'kafka', outcome: 'already-running' })
    expect(world.state.current.services).toEqual({})
  })
})

describe('up, when a test run owns what it starts', () => {
  it('marks what it starts with the owner pid', async () => {
    const world = fakeWorld({ ownerPid: 777 })

    await world.infra.up(['postgres'])

    expect(world.state.current.services.postgres?.ownerPid).toBe(777)
  })

  it('adopts a server left by a test run that died, so this run stops it', async () => {
    const record = plantedRecord('kafka', { ownerPid: 111 })
    const world = fakeWorld({
      initial: withService(EMPTY_STATE, record),
      reachable: ['kafka'],
      ownerPid: 222,
    })
    world.starter('kafka', 'native').running.add(record.id)

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome).toBe('adopted')
    expect(world.state.current.services.kafka?.ownerPid).toBe(222)
  })

  it('leaves a server owned by a test run that is still running to that run', async () => {
    const record = plantedRecord('kafka', { ownerPid: 111 })
    const world = fakeWorld({
      initial: withService(EMPTY_STATE, record),
      reachable: ['kafka'],
      ownerPid: 222,
      alivePids: [111],
    })
    world.starter('kafka', 'native').running.add(record.id)

    const [result] = await world.infra.up(['kafka'])

    expect(result?.outcome).toBe('already-running')
    expect(world.state.current.services.kafka?.ownerPid).toBe(111)
  })

  it('`pnpm infra up` takes a test run’s server over: it then stays until `pnpm infra down`', async () => {
    const record = plantedRecord('kafka', { ownerPid: 111 })
    const world = fakeWorld({
      initial: withService(EMPTY_STATE, record),
      reachable: ['kafka'],
      alivePids: [111],
    })
    world.starter('kafka', 'native').running.add(record.id)

    await world.infra.up(['kafka'])

    expect(world.state.current.services.kafka).toBeDefined()
    expect(world.state.current.services.kafka?.ownerPid).toBeUndefined()
  })
})

import { Infra, type InfraDeps } from '../../src/infra.ts'
import { EMPTY_STATE, type InfraState, memoryStateStore } from '../../src/infra-state.ts'
import type { ProbeResult } from '../../src/probe-result.ts'
import type { Reporter } from '../../src/reporter.ts'
import { serviceConfig } from '../../src/service-config.ts'
import type { ServiceName } from '../../src/service-name.ts'
import type { ServiceStarter } from '../../src/service-starter.ts'
import type { StartBlocker } from '../../src/start-blocker.ts'
import type { StartedService, StartMethod } from '../../src/started-service.ts'

/** A starter that starts nothing: it records calls and plays the part it is given. */
export interface FakeStarter extends ServiceStarter {
  readonly calls: string[]
  blocker: StartBlocker | undefined
  /** What `isRunning` answers for records this starter made (or that a test planted). */
  running: Set<string>
  /** Makes the next started server answer the readiness probe (default true). */
  becomesReady: boolean
}

export interface FakeWorld {
  readonly infra: Infra
  readonly state: ReturnType<typeof memoryStateStore>
  readonly lines: string[]
  /** Which services answer their probe right now. */
  readonly reachable: Set<ServiceName>
  readonly starters: Map<string, FakeStarter>
  starter(service: ServiceName, method: StartMethod): FakeStarter
  dockerBlocker: StartBlocker | undefined
  readonly probes: Array<{ service: ServiceName; mode: string }>
}

export const NO_DOCKER: StartBlocker = { reason: 'no Docker engine answers', fix: 'start Docker' }

let ids = 0

export function fakeWorld({
  initial = EMPTY_STATE,
  reachable = [],
  ownerPid,
  alivePids = [],
  deps = {},
}: {
  initial?: InfraState
  reachable?: ServiceName[]
  ownerPid?: number
  alivePids?: number[]
  deps?: Partial<InfraDeps>
} = {}): FakeWorld {
  const lines: string[] = []
  const reporter: Reporter = { line: (text) => lines.push(text), progress: () => undefined }
  const state = memoryStateStore(initial)
  const answering = new Set<ServiceName>(reachable)
  const starters = new Map<string, FakeStarter>()
  const probes: Array<{ service: ServiceName; mode: string }> = []

  const makeStarter = (service: ServiceName, method: StartMethod): FakeStarter => {
    const starter: FakeStarter = {
      service,
      method,
      calls: [],
      blocker: undefined,
      running: new Set(),
      becomesReady: true,
      async check() {
        starter.calls.push('check')
        return starter.blocker
      },
      async start() {
        starter.calls.push('start')
        const record: StartedService = {
          id: `id-${++ids}`,
          service,
          method,
          address: `${service}-address`,
          startedAt: new Date(0).toISOString(),
          ...(method === 'native' ? { pid: 40_000 + ids } : {}),
        }
        starter.running.add(record.id)
        if (starter.becomesReady) answering.add(service)
        return record
      },
      async isRunning(record) {
        return starter.running.has(record.id)
      },
      async hasExited(record) {
        return !starter.running.has(record.id)
      },
      async stop(record) {
        starter.calls.push(`stop ${record.id}`)
        starter.running.delete(record.id)
        answering.delete(service)
      },
      async forget(record) {
        starter.calls.push(`forget ${record.id}`)
      },
      diagnose: async () => 'the log says: Address already in use',
      logs: (record) => ({ kind: 'file', path: `/tmp/${record.id}.log` }),
    }
    return starter
  }

  const world: FakeWorld = {
    lines,
    state,
    reachable: answering,
    starters,
    probes,
    dockerBlocker: NO_DOCKER,
    starter(service, method) {
      const key = `${service}:${method}`
      let found = starters.get(key)
      if (found === undefined) {
        found = makeStarter(service, method)
        starters.set(key, found)
      }
      return found
    },
    infra: undefined as unknown as Infra,
  }
  const alive = new Set(alivePids)
  const infra = new Infra({
    config: serviceConfig({}),
    probe: async (service, mode): Promise<ProbeResult> => {
      probes.push({ service, mode })
      return answering.has(service) ? { reachable: true } : { reachable: false, reason: 'connection refused' }
    },
    dockerBlocker: async () => world.dockerBlocker,
    starter: (service, method) => world.starter(service, method),
    state,
    reporter,
    pollIntervalMs: 1,
    isPidAlive: (pid) => alive.has(pid),
    ...(ownerPid === undefined ? {} : { ownerPid }),
    ...deps,
  })
  return Object.assign(world, { infra })
}

/** A record as `up` would have written it for an earlier start. */
export function plantedRecord(service: ServiceName, overrides: Partial<StartedService> = {}): StartedService {
  return {
    id: `planted-${service}-${++ids}`,
    service,
    method: 'native',
    address: `${service}-address`,
    startedAt: new Date(0).toISOString(),
    pid: 30_000 + ids,
    ...overrides,
  }
}

import type { ServiceName } from './service-name.ts'
import type { StartedService } from './started-service.ts'

/** `.kata/infra/state.json`: the services `up` started and has not stopped yet. */
export interface InfraState {
  readonly version: 1
  readonly services: Partial<Record<ServiceName, StartedService>>
}

export const EMPTY_STATE: InfraState = { version: 1, services: {} }

/** Where the state lives; an interface so the decisions can be tested without files. */
export interface StateStore {
  read(): Promise<InfraState>
  write(state: InfraState): Promise<void>
  /** Runs `work` while no other `pnpm infra` changes the state (two terminals, a test run). */
  withLock<T>(work: () => Promise<T>): Promise<T>
}

export function withService(state: InfraState, record: StartedService): InfraState {
  return { ...state, services: { ...state.services, [record.service]: record } }
}

export function withoutService(state: InfraState, service: ServiceName): InfraState {
  const services = { ...state.services }
  delete services[service]
  return { ...state, services }
}

/** A store in memory, for tests and for callers that must not touch the repository. */
export function memoryStateStore(initial: InfraState = EMPTY_STATE): StateStore & { current: InfraState } {
  const store = {
    current: initial,
    read: async () => store.current,
    write: async (state: InfraState) => {
      store.current = state
    },
    withLock: <T>(work: () => Promise<T>) => work(),
  }
  return store
}

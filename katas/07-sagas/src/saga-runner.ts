import { NotImplementedError } from '@eda/testkit'
import type { Dispatch, RideSagaInput } from './messages.ts'
import type { Saga } from './ride-booking-saga.ts'
import type { Scheduler } from './scheduler.ts'
import type { SqlClient } from './sql-client.ts'

export interface SagaRunnerOptions<State> {
  readonly db: SqlClient
  readonly saga: Saga<State>
  /** Delivers the saga's commands and events; rejects when delivery failed. */
  readonly dispatch: Dispatch
  /** Time and timers (default `systemScheduler`). */
  readonly scheduler?: Scheduler
  /** Ids of the messages the saga sends; inject a counter in specs. */
  readonly newId?: () => string
  /** Delivery attempts per message before it is reported as failed (default 3). */
  readonly maxDispatchAttempts?: number
}

export interface HandleResult<State> {
  /** The input had been handled before: nothing was decided or sent again. */
  readonly duplicate: boolean
  readonly state: State
  readonly version: number
}

/**
 * Runs a saga durably: its state, the inputs it has handled (inbox), the messages it still has
 * to send (outbox) and its timeouts all live in PostgreSQL. Read the README for the tables.
 */
export class SagaRunner<State> {
  /** Keep the options; do no work here. */
  constructor(options: SagaRunnerOptions<State>) {
    void options
  }

  /** Step 3: create the tables (instances, inputs, outbox, timeouts) if they do not exist. */
  init(): Promise<void> {
    return Promise.reject(new NotImplementedError('SagaRunner.init', 'create the saga tables'))
  }

  /** Steps 3 and 4: after a (re)start, arm every stored timeout and send what the outbox still holds. */
  start(): Promise<void> {
    return Promise.reject(new NotImplementedError('SagaRunner.start', 'recover timeouts and the outbox'))
  }

  /** Step 4: disarm the timers and wait for the messages being sent. */
  stop(): Promise<void> {
    return Promise.reject(new NotImplementedError('SagaRunner.stop', 'disarm the timers'))
  }

  /** Step 3: the saga's stored state and version (the number of inputs it has recorded). */
  state(sagaId: string): Promise<{ state: State; version: number } | undefined> {
    void sagaId
    return Promise.reject(new NotImplementedError('SagaRunner.state', 'read the stored state'))
  }

  /** Step 3: the state rebuilt from the recorded inputs with `evolve` alone: nothing decided or sent. */
  replay(sagaId: string): Promise<State> {
    void sagaId
    return Promise.reject(new NotImplementedError('SagaRunner.replay', 'fold the recorded inputs'))
  }

  /**
   * Step 3: in one transaction, record the input (a duplicate changes nothing), save the new state
   * if its version is still the one read (else re-read and re-decide), and store the outputs:
   * commands and events in the outbox (built with `causedBy(input)`), timeouts with their due time
   * (step 4). Then send the outbox. A message that keeps failing is marked failed and, for a
   * compensation, reported to the saga as a CompensationFailed input.
   */
  handle(input: RideSagaInput): Promise<HandleResult<State>> {
    void input
    return Promise.reject(new NotImplementedError('SagaRunner.handle', 'record, decide, store and send'))
  }

  /** Step 3: send every message still in the outbox, in order. */
  flush(): Promise<void> {
    return Promise.reject(new NotImplementedError('SagaRunner.flush', 'send the outbox'))
  }
}

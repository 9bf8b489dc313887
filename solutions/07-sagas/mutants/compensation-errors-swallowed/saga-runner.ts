import { randomUUID } from 'node:crypto'
import { causedBy, createMessageFactory, type MessageFactory } from '@eda/events'
import { SagaConcurrencyError } from '../../src/errors.ts'
import { type Dispatch, type OutgoingMessage, type RideSagaInput, rideIdOf } from '../../src/messages.ts'
import type { Saga } from '../../src/ride-booking-saga.ts'
import { type Scheduler, systemScheduler } from '../../src/scheduler.ts'
import type { SqlClient } from '../../src/sql-client.ts'

export interface SagaRunnerOptions<State> {
  readonly db: SqlClient
  readonly saga: Saga<State>
  /** Delivers the saga's commands and events; rejects when delivery failed. */
  readonly dispatch: Dispatch
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

interface InstanceRow {
  version: number
  state: unknown
}

interface OutboxRow {
  id: number | string
  saga_id: string
  message: OutgoingMessage
}

interface TimeoutRow {
  saga_id: string
  timeout_id: string
  due_at: Date | string
  input: RideSagaInput
}

class VersionConflict extends Error {}

/**
 * Runs a saga durably. One transaction per input records the input (the inbox: duplicates are
 * dropped), the new state (optimistic concurrency on its version), the messages to send (the
 * outbox) and the timeouts to fire. Messages are sent after the commit and marked sent; what a
 * crash left unsent is sent on `start`. Timeouts are rows with a due time, armed on the scheduler.
 */
export class SagaRunner<State> {
  readonly #db: SqlClient
  readonly #saga: Saga<State>
  readonly #dispatch: Dispatch
  readonly #scheduler: Scheduler
  readonly #messages: MessageFactory
  readonly #maxAttempts: number
  readonly #timers = new Map<string, () => void>()
  #dispatching: Promise<void> | undefined
  #again = false
  #stopped = false

  constructor(options: SagaRunnerOptions<State>) {
    this.#db = options.db
    this.#saga = options.saga
    this.#dispatch = options.dispatch
    this.#scheduler = options.scheduler ?? systemScheduler
    this.#maxAttempts = options.maxDispatchAttempts ?? 3
    this.#messages = createMessageFactory({
      clock: () => this.#scheduler.now(),
      ...(options.newId ? { newId: options.newId } : {}),
    })
  }

  async init(): Promise<void> {
    await this.#db.query(`create table if not exists saga_instances (
      saga_id text primary key, version integer not null, state jsonb not null)`)
    await this.#db.query(`create table if not exists saga_inputs (
      saga_id text not null, input_id text not null, seq integer not null, input jsonb not null,
      primary key (saga_id, input_id))`)
    await this.#db.query(`create table if not exists saga_outbox (
      id bigserial primary key, saga_id text not null, message jsonb not null,
      dispatched boolean not null default false, failed boolean not null default false, last_error text)`)
    await this.#db.query(`create table if not exists saga_timeouts (
      saga_id text not null, timeout_id text not null, due_at timestamptz not null, input jsonb not null,
      primary key (saga_id, timeout_id))`)
  }

  /** After a (re)start: arm every stored timeout and send what the outbox still holds. */
  async start(): Promise<void> {
    this.#stopped = false
    const { rows } = await this.#db.query<TimeoutRow>('select * from saga_timeouts')
    for (const row of rows) this.#arm(row)
    await this.flush()
  }

  /** Disarms the timers and waits for the messages being sent. */
  async stop(): Promise<void> {
    this.#stopped = true
    for (const cancel of this.#timers.values()) cancel()
    this.#timers.clear()
    await this.#dispatching
  }

  async state(sagaId: string): Promise<{ state: State; version: number } | undefined> {
    const { rows } = await this.#db.query<InstanceRow>(
      'select version, state from saga_instances where saga_id = $1',
      [sagaId],
    )
    const row = rows[0]
    return row && { state: row.state as State, version: row.version }
  }

  /** Rebuilds the state from the recorded inputs with `evolve` only: nothing is decided or sent. */
  async replay(sagaId: string): Promise<State> {
    const { rows } = await this.#db.query<{ input: RideSagaInput }>(
      'select input from saga_inputs where saga_id = $1 order by seq',
      [sagaId],
    )
    return rows.reduce((state, row) => this.#saga.evolve(state, row.input), this.#saga.initialState())
  }

  /** Records one input and what it decides in one transaction, then sends the outbox. */
  handle(input: RideSagaInput): Promise<HandleResult<State>> {
    return this.#handle(input, true)
  }

  async #handle(input: RideSagaInput, send: boolean): Promise<HandleResult<State>> {
    const sagaId = rideIdOf(input)
    for (let attempt = 1; attempt <= 10; attempt++) {
      const current = await this.state(sagaId)
      const seen = await this.#db.query('select 1 from saga_inputs where saga_id = $1 and input_id = $2', [
        sagaId,
        input.eventId,
      ])
      if (seen.rows.length > 0 && current)
        return { duplicate: true, state: current.state, version: current.version }
      const state = current?.state ?? this.#saga.initialState()
      const version = current?.version ?? 0
      const outputs = this.#saga.decide(input, state)
      const next = this.#saga.evolve(state, input)
      const armed: TimeoutRow[] = []
      const disarmed: string[] = []
      try {
        const recorded = await this.#db.transaction(async (tx) => {
          const inbox = await tx.query(
            'insert into saga_inputs values ($1, $2, $3, $4) on conflict do nothing returning input_id',
            [sagaId, input.eventId, version + 1, JSON.stringify(input)],
          )
          if (inbox.rows.length === 0) return false
          const saved = current
            ? await tx.query(
                'update saga_instances set state = $2, version = $3 where saga_id = $1 and version = $4 returning saga_id',
                [sagaId, JSON.stringify(next), version + 1, version],
              )
            : await tx.query(
                'insert into saga_instances values ($1, $3, $2) on conflict do nothing returning saga_id',
                [sagaId, JSON.stringify(next), version + 1],
              )
          if (saved.rows.length === 0) throw new VersionConflict()
          // A timeout that fires is consumed with the transition it causes.
          await tx.query("delete from saga_timeouts where saga_id = $1 and input->>'eventId' = $2", [
            sagaId,
            input.eventId,
          ])
          for (const output of outputs) {
            if (output.kind === 'command' || output.kind === 'event') {
              const message: OutgoingMessage =
                output.kind === 'command'
                  ? {
                      kind: 'command',
                      message: this.#messages.command(output.type, output.data, causedBy(input)),
                    }
                  : {
                      kind: 'event',
                      message: this.#messages.event(output.type, output.data, causedBy(input)),
                    }
              await tx.query('insert into saga_outbox (saga_id, message) values ($1, $2)', [
                sagaId,
                JSON.stringify(message),
              ])
            } else if (output.kind === 'schedule') {
              const row: TimeoutRow = {
                saga_id: sagaId,
                timeout_id: output.timeoutId,
                due_at: new Date(this.#scheduler.now().getTime() + output.afterMs),
                input: this.#messages.event(output.input.type, output.input.data, {
                  ...causedBy(input),
                  eventId: `${sagaId}:${output.timeoutId}:${randomUUID()}`,
                }),
              }
              await tx.query(
                `insert into saga_timeouts values ($1, $2, $3, $4)
                 on conflict (saga_id, timeout_id) do update set due_at = excluded.due_at, input = excluded.input`,
                [sagaId, row.timeout_id, row.due_at, JSON.stringify(row.input)],
              )
              armed.push(row)
            } else {
              await tx.query('delete from saga_timeouts where saga_id = $1 and timeout_id = $2', [
                sagaId,
                output.timeoutId,
              ])
              disarmed.push(output.timeoutId)
            }
          }
          return true
        })
        if (!recorded) {
          const now = await this.state(sagaId)
          return { duplicate: true, state: now?.state ?? state, version: now?.version ?? version }
        }
      } catch (error) {
        if (error instanceof VersionConflict) continue
        throw error
      }
      for (const timeoutId of disarmed) this.#disarm(sagaId, timeoutId)
      for (const row of armed) this.#arm(row)
      if (send) await this.flush()
      return { duplicate: false, state: next, version: version + 1 }
    }
    throw new SagaConcurrencyError(sagaId, 10)
  }

  /** Sends every message still in the outbox, in order; one sender at a time per runner. */
  flush(): Promise<void> {
    if (this.#dispatching) {
      this.#again = true
      return this.#dispatching
    }
    this.#dispatching = (async () => {
      do {
        this.#again = false
        await this.#sendPending()
      } while (this.#again && !this.#stopped)
    })().finally(() => {
      this.#dispatching = undefined
    })
    return this.#dispatching
  }

  async #sendPending(): Promise<void> {
    for (;;) {
      const { rows } = await this.#db.query<OutboxRow>(
        'select id, saga_id, message from saga_outbox where not dispatched and not failed order by id limit 1',
      )
      const row = rows[0]
      if (!row || this.#stopped) return
      let lastError: unknown
      let sent = false
      for (let attempt = 1; attempt <= this.#maxAttempts && !sent; attempt++) {
        try {
          await this.#dispatch(row.message)
          sent = true
        } catch (error) {
          lastError = error
        }
      }
      if (sent) {
        await this.#db.query('update saga_outbox set dispatched = true where id = $1', [row.id])
        continue
      }
      const error = lastError instanceof Error ? lastError.message : String(lastError)
      await this.#db.query('update saga_outbox set failed = true, last_error = $2 where id = $1', [
        row.id,
        error,
      ])
      // The failure is recorded on the outbox row; the saga goes on as if it had been sent.
    }
  }

  #arm(row: TimeoutRow): void {
    if (this.#stopped) return
    const key = `${row.saga_id}/${row.timeout_id}`
    this.#timers.get(key)?.()
    const delay = Math.max(0, new Date(row.due_at).getTime() - this.#scheduler.now().getTime())
    const cancel = this.#scheduler.setTimeout(() => {
      this.#timers.delete(key)
      void this.#fire(row).catch(() => undefined)
    }, delay)
    this.#timers.set(key, cancel)
  }

  #disarm(sagaId: string, timeoutId: string): void {
    const key = `${sagaId}/${timeoutId}`
    this.#timers.get(key)?.()
    this.#timers.delete(key)
  }

  /** Fires a timeout only if its row is still there (not cancelled); the inbox makes it fire once. */
  async #fire(row: TimeoutRow): Promise<void> {
    const { rows } = await this.#db.query(
      "select 1 from saga_timeouts where saga_id = $1 and timeout_id = $2 and input->>'eventId' = $3",
      [row.saga_id, row.timeout_id, row.input.eventId],
    )
    if (rows.length === 0) return
    await this.handle(row.input)
  }
}

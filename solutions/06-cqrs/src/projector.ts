import { randomUUID } from 'node:crypto'
import { CheckpointStore } from './checkpoint-store.ts'
import { ProjectionFailedError, RebuildInProgressError } from './errors.ts'
import type { EventStore } from './event-store.ts'
import type { Projection } from './projection.ts'
import { type Scheduler, systemScheduler } from './scheduler.ts'
import type { SqlClient, SqlExecutor } from './sql-client.ts'

export interface ProjectorOptions {
  readonly db: SqlClient
  readonly store: EventStore
  readonly projections: readonly Projection[]
  /** Where checkpoints live; inject a wrapper to simulate a crash. */
  readonly checkpoints?: CheckpointStore
  /** Events per transaction (default 100). */
  readonly batchSize?: number
  /** Timers for `query` timeouts. */
  readonly scheduler?: Scheduler
}

export interface ProjectionStatus {
  readonly name: string
  /** Global position of the last event this projection has moved past. */
  readonly position: number
  /** Why it stopped, when an event could not be applied; null when healthy. */
  readonly failure: ProjectionFailedError | null
}

export interface QueryOptions {
  /** Wait until the projection has reached this position (read-your-writes). */
  readonly minPosition?: number
  /** How long to wait before answering with what is there, marked stale (default 5000 ms). */
  readonly timeoutMs?: number
}

export interface QueryResult<T> {
  readonly value: T
  /** True when the projection had not reached `minPosition` in time. */
  readonly stale: boolean
  readonly position: number
}

interface Waiter {
  readonly position: number
  readonly resolve: (reached: boolean) => void
}

/** Runs projections: each one from its own checkpoint, batch by batch, each batch in one transaction. */
export class Projector {
  readonly #db: SqlClient
  readonly #store: EventStore
  readonly #projections: ReadonlyMap<string, Projection>
  readonly #checkpoints: CheckpointStore
  readonly #batchSize: number
  readonly #scheduler: Scheduler
  readonly #positions = new Map<string, number>()
  readonly #failures = new Map<string, ProjectionFailedError>()
  readonly #waiters = new Map<string, Set<Waiter>>()
  readonly #rebuilding = new Set<string>()
  #tail: Promise<unknown> = Promise.resolve()
  #unsubscribe: (() => void) | undefined
  #loop: Promise<void> | undefined
  #dirty = false

  constructor(options: ProjectorOptions) {
    const names = options.projections.map((p) => p.name)
    const duplicate = names.find((name, i) => names.indexOf(name) !== i)
    if (duplicate !== undefined) throw new Error(`two projections are named ${duplicate}`)
    if (names.length === 0) throw new Error('a projector needs at least one projection')
    this.#db = options.db
    this.#store = options.store
    this.#projections = new Map(options.projections.map((p) => [p.name, p]))
    this.#checkpoints = options.checkpoints ?? new CheckpointStore()
    this.#batchSize = options.batchSize ?? 100
    this.#scheduler = options.scheduler ?? systemScheduler
  }

  async init(): Promise<void> {
    await this.#checkpoints.init(this.#db)
    for (const projection of this.#projections.values()) await projection.init(this.#db)
  }

  /** Brings every projection up to the end of the store; a failing one stops without stopping the others. */
  catchUp(): Promise<ProjectionStatus[]> {
    const run = this.#tail.then(async () => {
      const statuses: ProjectionStatus[] = []
      for (const projection of this.#projections.values()) statuses.push(await this.#catchUpOne(projection))
      return statuses
    })
    this.#tail = run.catch(() => undefined)
    return run
  }

  /** Catches up now and after every append, until `stop`. */
  start(): void {
    if (this.#unsubscribe) return
    this.#unsubscribe = this.#store.subscribe(() => this.#kick())
    this.#kick()
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
    await this.#loop
  }

  async status(name: string): Promise<ProjectionStatus> {
    this.#projection(name)
    const checkpoint = await this.#db.transaction((tx) => this.#checkpoints.load(tx, name))
    return { name, position: checkpoint.position, failure: this.#failures.get(name) ?? null }
  }

  /** Reads a read model, first waiting (up to a timeout) for the projection to reach `minPosition`. */
  async query<T>(
    name: string,
    read: (db: SqlExecutor) => Promise<T>,
    options: QueryOptions = {},
  ): Promise<QueryResult<T>> {
    const reached =
      options.minPosition === undefined ||
      (await this.#waitFor(name, options.minPosition, options.timeoutMs ?? 5_000))
    const value = await read(this.#db)
    const position = this.#positions.get(name) ?? (await this.status(name)).position
    return { value, stale: !reached, position }
  }

  /**
   * Empties the read model and replays every event into it. A rebuild that stopped midway
   * (mode still `rebuilding`) resumes from its checkpoint instead of starting again.
   */
  async rebuild(name: string): Promise<ProjectionStatus> {
    const projection = this.#projection(name)
    if (this.#rebuilding.has(name)) throw new RebuildInProgressError(name)
    this.#rebuilding.add(name)
    const owner = randomUUID()
    try {
      if (!(await this.#checkpoints.claimRebuild(this.#db, name, owner)))
        throw new RebuildInProgressError(name)
      try {
        await this.#db.transaction(async (tx) => {
          const checkpoint = await this.#checkpoints.load(tx, name)
          if (checkpoint.mode === 'rebuilding') return
          await projection.truncate(tx)
          await this.#checkpoints.save(tx, name, 0)
          await this.#checkpoints.setMode(tx, name, 'rebuilding')
        })
        this.#positions.delete(name)
        const status = await this.#catchUpOne(projection)
        if (status.failure) throw status.failure
        await this.#db.transaction(async (tx) => {
          await this.#checkpoints.load(tx, name)
          await this.#checkpoints.setMode(tx, name, 'live')
        })
        return status
      } finally {
        await this.#checkpoints.releaseRebuild(this.#db, name, owner)
      }
    } finally {
      this.#rebuilding.delete(name)
    }
  }

  #projection(name: string): Projection {
    const projection = this.#projections.get(name)
    if (!projection) throw new Error(`no projection named ${name}`)
    return projection
  }

  #kick(): void {
    if (this.#loop) {
      this.#dirty = true
      return
    }
    this.#loop = (async () => {
      do {
        this.#dirty = false
        await this.catchUp()
      } while (this.#dirty && this.#unsubscribe)
    })()
      .catch(() => undefined)
      .finally(() => {
        this.#loop = undefined
      })
  }

  async #catchUpOne(projection: Projection): Promise<ProjectionStatus> {
    for (;;) {
      let moved: boolean
      try {
        moved = await this.#batch(projection, this.#batchSize)
      } catch {
        // Replay the failed batch one event per transaction: the checkpoint stops just before
        // the event that fails, and the events before it are kept.
        const failure = await this.#oneByOne(projection)
        if (failure) {
          this.#failures.set(projection.name, failure)
          return { name: projection.name, position: failure.position - 1, failure }
        }
        continue
      }
      if (!moved) break
    }
    this.#failures.delete(projection.name)
    return { name: projection.name, position: await this.#position(projection.name), failure: null }
  }

  async #oneByOne(projection: Projection): Promise<ProjectionFailedError | undefined> {
    for (let i = 0; i < this.#batchSize; i++) {
      try {
        if (!(await this.#batch(projection, 1))) return undefined
      } catch (error) {
        if (error instanceof ProjectionFailedError) return error
        throw error
      }
    }
    return undefined
  }

  /** One transaction: lock the checkpoint, apply the next events, move the checkpoint past all of them. */
  async #batch(projection: Projection, limit: number): Promise<boolean> {
    const reached = await this.#db.transaction(async (tx) => {
      const checkpoint = await this.#checkpoints.load(tx, projection.name)
      const events = await this.#store.readAll({ after: checkpoint.position, limit })
      const last = events.at(-1)
      if (!last) return undefined
      for (const stored of events) {
        try {
          if (projection.handles.includes(stored.event.eventType)) await projection.apply(tx, stored)
        } catch (error) {
          throw new ProjectionFailedError(projection.name, stored.position, stored.event.eventId, error)
        }
      }
      try {
        await this.#checkpoints.save(tx, projection.name, last.position)
      } catch (error) {
        throw new ProjectionFailedError(projection.name, last.position, last.event.eventId, error)
      }
      return last.position
    })
    if (reached === undefined) return false
    this.#advance(projection.name, reached)
    return true
  }

  async #position(name: string): Promise<number> {
    const known = this.#positions.get(name)
    if (known !== undefined) return known
    const { position } = await this.status(name)
    return position
  }

  #advance(name: string, position: number): void {
    this.#positions.set(name, position)
    for (const waiter of this.#waiters.get(name) ?? []) if (waiter.position <= position) waiter.resolve(true)
  }

  async #waitFor(name: string, position: number, timeoutMs: number): Promise<boolean> {
    const current = this.#positions.get(name) ?? (await this.status(name)).position
    if (!this.#positions.has(name)) this.#positions.set(name, current)
    if ((this.#positions.get(name) ?? 0) >= position) return true
    return new Promise<boolean>((resolve) => {
      const waiters = this.#waiters.get(name) ?? new Set<Waiter>()
      this.#waiters.set(name, waiters)
      const waiter: Waiter = {
        position,
        resolve: (reached) => {
          cancel()
          waiters.delete(waiter)
          resolve(reached)
        },
      }
      const cancel = this.#scheduler.setTimeout(() => waiter.resolve(false), timeoutMs)
      waiters.add(waiter)
    })
  }
}

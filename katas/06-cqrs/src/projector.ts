import { NotImplementedError } from '@eda/testkit'
import type { CheckpointStore } from './checkpoint-store.ts'
import type { ProjectionFailedError } from './errors.ts'
import type { EventStore } from './event-store.ts'
import type { Projection } from './projection.ts'
import type { Scheduler } from './scheduler.ts'
import type { SqlClient, SqlExecutor } from './sql-client.ts'

export interface ProjectorOptions {
  readonly db: SqlClient
  readonly store: EventStore
  readonly projections: readonly Projection[]
  /** Where checkpoints live (default `new CheckpointStore()`); specs inject a wrapper to simulate a crash. */
  readonly checkpoints?: CheckpointStore
  /** Events per transaction (default 100). */
  readonly batchSize?: number
  /** Timers for `query` timeouts (default `systemScheduler`). */
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

/** Runs projections: each one from its own checkpoint, batch by batch, each batch in one transaction. */
export class Projector {
  /** Step 3: keep the options; refuse two projections with the same name (throw an Error naming it). */
  constructor(options: ProjectorOptions) {
    void options
  }

  /** Step 3: create the checkpoint table and each projection's tables. */
  init(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('Projector.init', 'create the checkpoint and read-model tables'),
    )
  }

  /**
   * Step 3: bring every projection to the end of the store. Per batch, one transaction: load the
   * checkpoint (`checkpoints.load(tx, name)`), apply the events the projection handles, save the
   * checkpoint past the last event read (handled or not). Step 5: an event that fails stops that
   * projection just before it (status `failure`), and the others go on.
   */
  catchUp(): Promise<ProjectionStatus[]> {
    return Promise.reject(
      new NotImplementedError('Projector.catchUp', 'project the events after each checkpoint'),
    )
  }

  /** Step 4: catch up now and after every append (`store.subscribe`), until `stop`. */
  start(): void {
    throw new NotImplementedError('Projector.start', 'catch up on every append')
  }

  /** Step 4: stop listening, and wait for the catch-up in progress. */
  stop(): Promise<void> {
    return Promise.reject(new NotImplementedError('Projector.stop', 'stop catching up'))
  }

  /** Step 3: the projection's checkpoint position, and its failure (null when healthy). */
  status(name: string): Promise<ProjectionStatus> {
    void name
    return Promise.reject(new NotImplementedError('Projector.status', 'read the checkpoint'))
  }

  /**
   * Step 4: read a read model, first waiting until the projection has reached `minPosition`;
   * after `timeoutMs` (on the scheduler) answer anyway with `stale: true`. Never sleep or poll.
   */
  query<T>(
    name: string,
    read: (db: SqlExecutor) => Promise<T>,
    options: QueryOptions = {},
  ): Promise<QueryResult<T>> {
    void [name, read, options]
    return Promise.reject(new NotImplementedError('Projector.query', 'wait for the position, then read'))
  }

  /**
   * Step 5: empty the read model and reset the checkpoint (one transaction, mode `rebuilding`),
   * replay everything, then mode `live`. A rebuild found in mode `rebuilding` resumes from its
   * checkpoint. A second rebuild of the same projection at once rejects with RebuildInProgressError.
   */
  rebuild(name: string): Promise<ProjectionStatus> {
    void name
    return Promise.reject(new NotImplementedError('Projector.rebuild', 'truncate and replay'))
  }
}

import type { JsonValue } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
import type { Decide, ExecuteResult, Loaded, LoadOptions, SnapshottingRepositoryOptions } from './types.ts'

/**
 * Loads aggregates from their latest snapshot plus the events after it, and takes a snapshot once
 * `snapshotEvery` events were appended since the last one. Read the kata README for each step.
 */
export class SnapshottingRepository<State extends JsonValue> {
  /** Step 2: keep the options; reject a `snapshotEvery` that is not a positive integer (InvalidOptionError). */
  constructor(options: SnapshottingRepositoryOptions<State>) {
    void options
  }

  /**
   * Step 3: the latest snapshot plus the events after its version; the stream's version.
   * Step 4: ignore a snapshot you cannot trust; `options.version` travels back in time.
   */
  load(aggregateId: string, options: LoadOptions = {}): Promise<Loaded<State>> {
    void [aggregateId, options]
    return Promise.reject(
      new NotImplementedError(
        'SnapshottingRepository.load',
        'rebuild the aggregate from its snapshot and tail',
      ),
    )
  }

  /**
   * Step 2: load, decide, append with the expected version, and snapshot every N events since the
   * last snapshot. Step 5: a snapshot that cannot be saved never fails the command.
   */
  execute(aggregateId: string, decide: Decide<State>): Promise<ExecuteResult> {
    void [aggregateId, decide]
    return Promise.reject(
      new NotImplementedError(
        'SnapshottingRepository.execute',
        'append the decided events and snapshot when due',
      ),
    )
  }
}

import type { Command, EventEnvelope } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
import type { EventStore } from './event-store.ts'
import type { Decider } from './order-decider.ts'

export interface CommandHandlerOptions<State, C extends Command> {
  readonly store: EventStore
  readonly decider: Decider<State, C>
  /** Timestamps of the events written; inject a fake clock in specs. */
  readonly clock?: () => Date
  /** Ids of the events written; inject a counter in specs. */
  readonly newId?: () => string
  /** How many times a command is re-read and re-decided after losing a race (implicit version only). */
  readonly maxRetries?: number
}

export interface HandleOptions {
  /** The version the client last saw (an ETag / If-Match). A mismatch is never retried. */
  readonly expectedVersion?: number
}

export interface CommandOutcome<State> {
  readonly newState: State
  readonly events: readonly EventEnvelope[]
  readonly nextExpectedVersion: number
  /** Global position of the last event written, or null when nothing was written. */
  readonly lastPosition: number | null
  readonly createdNewStream: boolean
}

/** Load by folding the stream, decide, append with the version read; retry a lost race. */
export class CommandHandler<State, C extends Command> {
  constructor(private readonly options: CommandHandlerOptions<State, C>) {}

  /**
   * Step 2: read the stream, fold it with `evolve`, `decide`, turn the decided events into
   * envelopes caused by the command (`createMessageFactory({ clock, newId }).eventCausedBy`),
   * and append them with the version read. A ConcurrencyError is retried (re-read, re-decide) up
   * to `maxRetries` times (default 3), unless the caller gave an explicit `expectedVersion`.
   */
  handle(streamId: string, command: C, options: HandleOptions = {}): Promise<CommandOutcome<State>> {
    void [streamId, command, options, this.options]
    return Promise.reject(new NotImplementedError('CommandHandler.handle', 'load, decide and append'))
  }
}

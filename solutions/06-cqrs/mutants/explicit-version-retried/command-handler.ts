import { type Command, createMessageFactory, type EventEnvelope, type MessageFactory } from '@eda/events'
import { ConcurrencyError, type EventStore } from '../../src/event-store.ts'
import type { Decider } from '../../src/order-decider.ts'

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
  readonly #messages: MessageFactory
  readonly #maxRetries: number

  constructor(private readonly options: CommandHandlerOptions<State, C>) {
    this.#messages = createMessageFactory({
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.newId ? { newId: options.newId } : {}),
    })
    this.#maxRetries = options.maxRetries ?? 3
  }

  async handle(streamId: string, command: C, options: HandleOptions = {}): Promise<CommandOutcome<State>> {
    const { store, decider } = this.options
    for (let attempt = 0; ; attempt++) {
      const { version, events: stored } = await store.readStream(streamId)
      if (attempt === 0 && options.expectedVersion !== undefined && options.expectedVersion !== version) {
        if (attempt >= this.#maxRetries)
          throw new ConcurrencyError(streamId, options.expectedVersion, version)
        continue
      }
      const state = stored.reduce((s, e) => decider.evolve(s, e.event), decider.initialState())
      const decided = decider.decide(command, state)
      const events = decided.map((d) =>
        this.#messages.eventCausedBy(
          command,
          d.type,
          d.data,
          d.version === undefined ? {} : { version: d.version },
        ),
      )
      const newState = events.reduce((s, e) => decider.evolve(s, e), state)
      if (events.length === 0)
        return { newState, events, nextExpectedVersion: version, lastPosition: null, createdNewStream: false }
      try {
        const appended = await store.appendToStream(streamId, events, { expectedVersion: version })
        return {
          newState,
          events,
          nextExpectedVersion: appended.nextExpectedVersion,
          lastPosition: appended.lastPosition,
          createdNewStream: version === 0,
        }
      } catch (error) {
        const retry = error instanceof ConcurrencyError
        if (!retry || attempt >= this.#maxRetries) throw error
      }
    }
  }
}

import type { Command, EventEnvelope, Metadata, Query } from '@eda/events'

// The message shapes are @eda/events' types, so what you build here is what the other katas
// exchange. Only the types: the functions are yours to write.
export type { Command, EventEnvelope, Metadata, Query }

export type Message = EventEnvelope | Command | Query
export type MessageKind = 'event' | 'command' | 'query'

/** Step 2. Where time and ids come from: inject fakes in specs, leave out in production. */
export interface FactoryDeps {
  /** Defaults to the system clock. */
  readonly clock?: () => Date
  /** Defaults to random UUIDs. */
  readonly newId?: () => string
}

export interface MessageOptions {
  /** Defaults to the new message's own id: it starts a flow. */
  readonly correlationId?: string
  /** Defaults to null: nothing caused it. */
  readonly causationId?: string | null
  /** Defaults to {}. */
  readonly metadata?: Metadata
}

export interface EventOptions extends MessageOptions {
  /** Schema version of `data`, a positive integer; defaults to 1. */
  readonly version?: number
}

/** Options of an event caused by another message: the links come from the cause. */
export type CausedEventOptions = Omit<EventOptions, 'correlationId' | 'causationId'>

/** Step 3. The links of a message caused by another one. */
export interface Causation {
  readonly correlationId: string
  readonly causationId: string
}

export interface EnvelopeFactory {
  event<TType extends string, TData>(
    type: TType,
    data: TData,
    options?: EventOptions,
  ): EventEnvelope<TType, TData>
  command<TType extends string, TData>(
    type: TType,
    data: TData,
    options?: MessageOptions,
  ): Command<TType, TData>
  query<TType extends string, TParams>(
    type: TType,
    params: TParams,
    options?: MessageOptions,
  ): Query<TType, TParams>
  /** Step 3. An event caused by `cause` (usually the command it answers). */
  eventCausedBy<TType extends string, TData>(
    cause: Message,
    type: TType,
    data: TData,
    options?: CausedEventOptions,
  ): EventEnvelope<TType, TData>
}

/** Step 5. What a consumer does with an event. */
export type EventHandler = (event: EventEnvelope) => void | Promise<void>
/** Step 5. `processed`: the handler ran and succeeded; `duplicate`: it had already, nothing ran. */
export type HandleOutcome = 'processed' | 'duplicate'

/** Step 6. A command is answered: accepted, or refused with a reason the sender can act on. */
export type CommandReply = { readonly kind: 'ack' } | { readonly kind: 'nack'; readonly reason: string }
/** Step 6. What `dispatch` resolves to, by kind: nothing for an event, ack/nack, data. */
export type Reply =
  | { readonly kind: 'none' }
  | CommandReply
  | { readonly kind: 'data'; readonly data: unknown }

export type Subscriber = (event: EventEnvelope) => void | Promise<void>
export type CommandHandler = (command: Command) => CommandReply | Promise<CommandReply>
export type QueryHandler = (query: Query) => unknown

export interface RouterOptions {
  /** Where a failing event subscriber's error goes: the publisher never hears of it. */
  readonly onSubscriberError?: (error: unknown, event: EventEnvelope) => void
}

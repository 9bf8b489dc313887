import { randomUUID } from 'node:crypto'
import { MessageValidationError } from '../errors/message-validation-error.ts'
import type { Metadata } from '../json/json-value.ts'
import type { Command } from '../messages/command.ts'
import type { EventEnvelope } from '../messages/event-envelope.ts'
import type { Message } from '../messages/message.ts'
import type { Query } from '../messages/query.ts'
import { guard } from '../parsing/guard.ts'
import { parseCommand } from '../parsing/parse-command.ts'
import { parseEvent } from '../parsing/parse-event.ts'
import { parseQuery } from '../parsing/parse-query.ts'
import { causedBy } from './caused-by.ts'

export interface MessageFactoryDeps {
  /** Source of timestamps; inject a fake clock to make specs deterministic. */
  readonly clock?: () => Date
  /** Source of message ids; inject a counter to make specs deterministic. */
  readonly newId?: () => string
}

interface CommonOptions {
  /** Defaults to the new message's own id: it starts a new flow. */
  readonly correlationId?: string
  /** Defaults to null: nothing caused it. */
  readonly causationId?: string | null
  readonly metadata?: Metadata
}

export interface EventOptions<TVersion extends number = number> extends CommonOptions {
  /** Schema version of `data`; defaults to 1. */
  readonly version?: TVersion
  readonly eventId?: string
}

export interface CommandOptions extends CommonOptions {
  readonly commandId?: string
}

export interface QueryOptions extends CommonOptions {
  readonly queryId?: string
}

/** Options for a message caused by another: the causation links come from the cause. */
export type CausedEventOptions<TVersion extends number = number> = Omit<
  EventOptions<TVersion>,
  'correlationId' | 'causationId'
>
export type CausedCommandOptions = Omit<CommandOptions, 'correlationId' | 'causationId'>
export type CausedQueryOptions = Omit<QueryOptions, 'correlationId' | 'causationId'>

// NoInfer: the version comes from `options.version` (or defaults to 1), never from the type the
// caller assigns the result to, which would widen it to every version of a union.
export interface MessageFactory {
  event<const TType extends string, TData, const TVersion extends number = 1>(
    type: TType,
    data: TData,
    options?: EventOptions<TVersion>,
  ): EventEnvelope<TType, TData, NoInfer<TVersion>>
  command<const TType extends string, TData>(
    type: TType,
    data: TData,
    options?: CommandOptions,
  ): Command<TType, TData>
  query<const TType extends string, TParams>(
    type: TType,
    params: TParams,
    options?: QueryOptions,
  ): Query<TType, TParams>
  /** An event caused by `cause`: same correlationId, causationId = the cause's id. */
  eventCausedBy<const TType extends string, TData, const TVersion extends number = 1>(
    cause: Message,
    type: TType,
    data: TData,
    options?: CausedEventOptions<TVersion>,
  ): EventEnvelope<TType, TData, NoInfer<TVersion>>
  commandCausedBy<const TType extends string, TData>(
    cause: Message,
    type: TType,
    data: TData,
    options?: CausedCommandOptions,
  ): Command<TType, TData>
  queryCausedBy<const TType extends string, TParams>(
    cause: Message,
    type: TType,
    params: TParams,
    options?: CausedQueryOptions,
  ): Query<TType, TParams>
}

/**
 * Builds valid messages with ids from `newId` and timestamps from `clock`. Everything built is
 * validated like parsed input (a bad type name, version or non-JSON data throws
 * MessageValidationError) and is a fresh copy: later changes to `data` do not leak into it.
 */
export function createMessageFactory(deps: MessageFactoryDeps = {}): MessageFactory {
  const clock = deps.clock ?? (() => new Date())
  const newId = deps.newId ?? randomUUID

  const now = (subject: string): string => {
    const date = clock()
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw MessageValidationError.at('timestamp', 'the clock returned an invalid Date', subject)
    }
    return date.toISOString()
  }

  const common = (id: string, options: CommonOptions, subject: string) => ({
    timestamp: now(subject),
    correlationId: options.correlationId ?? id,
    causationId: options.causationId ?? null,
  })

  const factory: MessageFactory = {
    event<const TType extends string, TData, const TVersion extends number = 1>(
      type: TType,
      data: TData,
      options: EventOptions<TVersion> = {},
    ) {
      return guard('event', () => {
        const eventId = options.eventId ?? newId()
        const event = parseEvent({
          eventId,
          eventType: type,
          version: options.version ?? 1,
          ...common(eventId, options, 'event'),
          data,
          metadata: options.metadata ?? {},
        })
        return event as EventEnvelope<TType, TData, TVersion>
      })
    },
    command(type, data, options = {}) {
      return guard('command', () => {
        const commandId = options.commandId ?? newId()
        const command = parseCommand({
          commandId,
          commandType: type,
          ...common(commandId, options, 'command'),
          data,
          metadata: options.metadata ?? {},
        })
        return command as Command<typeof type, typeof data>
      })
    },
    query(type, params, options = {}) {
      return guard('query', () => {
        const queryId = options.queryId ?? newId()
        const query = parseQuery({
          queryId,
          queryType: type,
          ...common(queryId, options, 'query'),
          params,
          metadata: options.metadata ?? {},
        })
        return query as Query<typeof type, typeof params>
      })
    },
    eventCausedBy(cause, type, data, options = {}) {
      return factory.event(type, data, { ...options, ...causedBy(cause) })
    },
    commandCausedBy(cause, type, data, options = {}) {
      return factory.command(type, data, { ...options, ...causedBy(cause) })
    },
    queryCausedBy(cause, type, params, options = {}) {
      return factory.query(type, params, { ...options, ...causedBy(cause) })
    },
  }
  return factory
}

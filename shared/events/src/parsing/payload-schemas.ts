import type { z } from 'zod'
import { MessageValidationError } from '../errors/message-validation-error.ts'
import type { Command } from '../messages/command.ts'
import type { EventEnvelope } from '../messages/event-envelope.ts'
import type { Query } from '../messages/query.ts'
import { isPascalCase } from '../naming/pascal-case.ts'

/** The `data` schema of one event type at one version. */
export interface EventSchema<
  TType extends string = string,
  TVersion extends number = number,
  TData = unknown,
> {
  readonly kind: 'event'
  readonly eventType: TType
  readonly version: TVersion
  readonly data: z.ZodType<TData>
}

/** The `data` schema of one command type (commands are not versioned). */
export interface CommandSchema<TType extends string = string, TData = unknown> {
  readonly kind: 'command'
  readonly commandType: TType
  readonly data: z.ZodType<TData>
}

/** The `params` schema of one query type. */
export interface QuerySchema<TType extends string = string, TParams = unknown> {
  readonly kind: 'query'
  readonly queryType: TType
  readonly params: z.ZodType<TParams>
}

/** The envelope type an event schema describes. */
export type EventOfSchema<S> =
  S extends EventSchema<infer T, infer V, infer D> ? EventEnvelope<T, D, V> : never
/** The discriminated union of the events in a schema list. */
export type EventOfSchemas<S extends ReadonlyArray<EventSchema>> = EventOfSchema<S[number]>
export type CommandOfSchemas<S extends ReadonlyArray<CommandSchema>> = S[number] extends infer C
  ? C extends CommandSchema<infer T, infer D>
    ? Command<T, D>
    : never
  : never
export type QueryOfSchemas<S extends ReadonlyArray<QuerySchema>> = S[number] extends infer Q
  ? Q extends QuerySchema<infer T, infer P>
    ? Query<T, P>
    : never
  : never

function checkTypeName(name: unknown, subject: string): void {
  if (!isPascalCase(name)) {
    throw MessageValidationError.at('type', 'must be a PascalCase name such as OrderPlaced', subject)
  }
}

/** Declares the schema of `data` for `eventType` at `version`, for catalogs and `parseEvent`. */
export function defineEventSchema<const TType extends string, const TVersion extends number, TData>(
  eventType: TType,
  version: TVersion,
  data: z.ZodType<TData>,
): EventSchema<TType, TVersion, TData> {
  checkTypeName(eventType, 'event schema')
  if (!Number.isSafeInteger(version) || version < 1) {
    throw MessageValidationError.at('version', 'must be a positive integer', 'event schema')
  }
  return Object.freeze({ kind: 'event', eventType, version, data })
}

export function defineCommandSchema<const TType extends string, TData>(
  commandType: TType,
  data: z.ZodType<TData>,
): CommandSchema<TType, TData> {
  checkTypeName(commandType, 'command schema')
  return Object.freeze({ kind: 'command', commandType, data })
}

export function defineQuerySchema<const TType extends string, TParams>(
  queryType: TType,
  params: z.ZodType<TParams>,
): QuerySchema<TType, TParams> {
  checkTypeName(queryType, 'query schema')
  return Object.freeze({ kind: 'query', queryType, params })
}

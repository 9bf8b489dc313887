import { randomUUID } from 'node:crypto'
import { causedBy } from '../../src/causation.ts'
import { deepFreeze } from '../../src/deep-freeze.ts'
import { EnvelopeValidationError } from '../../src/envelope-validation-error.ts'
import type { EnvelopeFactory, EventOptions, FactoryDeps, MessageOptions } from '../../src/types.ts'

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/

/**
 * Builds events, commands and queries with ids from `newId` and timestamps from `clock`, one id
 * and one clock reading per message, so that the same deps always build the same messages.
 * What it returns is deeply frozen and holds a copy of `data`: a fact cannot change afterwards.
 */
export function createEnvelopeFactory(deps: FactoryDeps = {}): EnvelopeFactory {
  const clock = deps.clock ?? (() => new Date())
  const newId = deps.newId ?? randomUUID

  const checkType = (field: string, type: unknown): void => {
    if (typeof type !== 'string' || !PASCAL_CASE.test(type))
      throw EnvelopeValidationError.at(field, 'must be a PascalCase name such as OrderPlaced')
  }

  const nextId = (field: string): string => {
    const id = newId()
    if (typeof id !== 'string' || id === '')
      throw EnvelopeValidationError.at(field, 'the id generator returned an empty id')
    return id
  }

  const now = (): string => {
    const date = clock()
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw EnvelopeValidationError.at('timestamp', 'the clock returned an invalid date')
    return clock().toISOString()
  }

  // A new message starts a flow of its own unless told otherwise.
  const common = (id: string, options: MessageOptions) => ({
    timestamp: now(),
    correlationId: options.correlationId ?? id,
    causationId: options.causationId ?? null,
  })

  const factory: EnvelopeFactory = {
    event(type, data, options: EventOptions = {}) {
      checkType('eventType', type)
      const version = options.version ?? 1
      if (!Number.isSafeInteger(version) || version < 1)
        throw EnvelopeValidationError.at('version', `must be a positive integer, got ${String(version)}`)
      const eventId = nextId('eventId')
      return deepFreeze({
        eventId,
        eventType: type,
        version,
        ...common(eventId, options),
        data: structuredClone(data),
        metadata: structuredClone(options.metadata ?? {}),
      })
    },
    command(type, data, options = {}) {
      checkType('commandType', type)
      const commandId = nextId('commandId')
      return deepFreeze({
        commandId,
        commandType: type,
        ...common(commandId, options),
        data: structuredClone(data),
        metadata: structuredClone(options.metadata ?? {}),
      })
    },
    query(type, params, options = {}) {
      checkType('queryType', type)
      const queryId = nextId('queryId')
      return deepFreeze({
        queryId,
        queryType: type,
        ...common(queryId, options),
        params: structuredClone(params),
        metadata: structuredClone(options.metadata ?? {}),
      })
    },
    eventCausedBy(cause, type, data, options = {}) {
      return factory.event(type, data, { ...options, ...causedBy(cause) })
    },
  }
  return factory
}

import { NotImplementedError } from '@eda/testkit'
import type { EnvelopeFactory, FactoryDeps } from './types.ts'

/**
 * Step 2. A factory of events, commands and queries. Ids come from `deps.newId` (default: random
 * UUIDs) and timestamps from `deps.clock` (default: the system clock): one id and one clock
 * reading per message, the timestamp written as ISO-8601 UTC (`2024-01-15T10:30:00.000Z`).
 * Throw `EnvelopeValidationError` for a type name that is not PascalCase or a bad version.
 */
export function createEnvelopeFactory(deps: FactoryDeps = {}): EnvelopeFactory {
  void deps
  return {
    /** Step 2. `version` defaults to 1, `correlationId` to the event's own id, `causationId` to null. */
    event(type, data, options = {}) {
      void [data, options]
      throw new NotImplementedError('EnvelopeFactory.event', `build the ${type} event envelope`)
    },
    /** Step 2. Like `event`, with `commandId` and `commandType`, and no version. */
    command(type, data, options = {}) {
      void [data, options]
      throw new NotImplementedError('EnvelopeFactory.command', `build the ${type} command`)
    },
    /** Step 2. Like `command`, with `queryId`, `queryType` and `params`. */
    query(type, params, options = {}) {
      void [params, options]
      throw new NotImplementedError('EnvelopeFactory.query', `build the ${type} query`)
    },
    /** Step 3. An event in the cause's flow (same correlationId) with the cause as its parent. */
    eventCausedBy(cause, type, data, options = {}) {
      void [cause, data, options]
      throw new NotImplementedError(
        'EnvelopeFactory.eventCausedBy',
        `build the ${type} event caused by a message`,
      )
    },
  }
}

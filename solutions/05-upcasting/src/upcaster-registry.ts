import { normaliseVersion } from '@eda/events'
import {
  UnknownEventTypeError,
  UnknownEventVersionError,
  UpcastError,
  UpcasterRegistrationError,
} from './errors.ts'
import type { RecordedEvent, StoredEvent, Upcaster, UpcastingSchema } from './types.ts'

const DEFAULT_MAX_STEPS = 16

/** One event type's chain: `steps[v]` reads version v and returns version v + 1. */
interface Chain {
  readonly latest: number
  readonly steps: Array<Upcaster | undefined>
}

const isThenable = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'

const isAsyncFunction = (fn: unknown): boolean =>
  typeof fn === 'function' && fn.constructor?.name === 'AsyncFunction'

/**
 * The upcaster chains of every event type, checked once when registered. `upcast` reads a stored
 * event at the version it was written and returns it at the latest version: a pure function, run
 * on every read, never written back.
 */
export class UpcasterRegistry {
  readonly #chains = new Map<string, Chain>()
  readonly #renamed = new Map<string, string>()

  constructor(schema: UpcastingSchema) {
    const maxSteps = schema.maxSteps ?? DEFAULT_MAX_STEPS
    for (const [eventType, latest] of Object.entries(schema.latest)) {
      if (!Number.isSafeInteger(latest) || latest < 1)
        throw new UpcasterRegistrationError(eventType, `latest version ${latest} is not a positive integer`)
      if (latest - 1 > maxSteps)
        throw new UpcasterRegistrationError(
          eventType,
          `a chain of ${latest - 1} steps to version ${latest} is longer than maxSteps (${maxSteps})`,
        )
      this.#chains.set(eventType, { latest, steps: [] })
    }
    for (const upcaster of schema.upcasters ?? []) this.#register(upcaster)
    for (const [eventType, { latest, steps }] of this.#chains) {
      for (let version = 1; version < latest; version++) {
        if (steps[version] === undefined)
          throw new UpcasterRegistrationError(
            eventType,
            `no upcaster from version ${version} to ${version + 1}: a stored v${version} could not be read`,
          )
      }
    }
    this.#registerRenames(schema.renamed ?? {}, maxSteps)
  }

  /** The version new events of this type are written at. */
  latestVersion(eventType: string): number {
    const chain = this.#chains.get(eventType)
    if (chain === undefined) throw new UnknownEventTypeError(eventType, [...this.#chains.keys()])
    return chain.latest
  }

  /** The stored event at the latest version of its (current) type: same ids, positions and times. */
  upcast(stored: StoredEvent): RecordedEvent {
    const eventType = this.#renamed.get(stored.eventType) ?? stored.eventType
    const chain = this.#chains.get(eventType)
    if (chain === undefined)
      throw new UnknownEventTypeError(stored.eventType, [...this.#chains.keys(), ...this.#renamed.keys()])
    // A row written before versions were recorded is version 1.
    const from =
      stored.version === undefined || stored.version === null ? 1 : normaliseVersion(stored.version)
    if (from === undefined || from > chain.latest)
      throw new UnknownEventVersionError(eventType, stored.version, chain.latest)

    // A new envelope naming each field: nothing the caller holds is changed, nothing unknown leaks in.
    let event: RecordedEvent = {
      eventId: stored.eventId,
      eventType,
      version: from,
      timestamp: stored.timestamp,
      correlationId: stored.correlationId,
      causationId: stored.causationId,
      data: stored.data,
      metadata: stored.metadata,
      streamId: stored.streamId,
      streamPosition: stored.streamPosition,
      globalPosition: stored.globalPosition,
    }
    // In version order, one step at a time: v1 → v2 → v3, whatever order they were registered in.
    for (let version = from; version < chain.latest; version++) {
      const step = chain.steps[version] as Upcaster
      let data: unknown
      try {
        data = step.upcast(event.data, event)
      } catch (cause) {
        throw new UpcastError(event.eventId, eventType, version, cause)
      }
      if (isThenable(data))
        throw new UpcastError(
          event.eventId,
          eventType,
          version,
          new TypeError('upcasters must be synchronous, this one returned a promise'),
        )
      event = { ...event, version: version + 1, data }
    }
    return event
  }

  #register(upcaster: Upcaster): void {
    const { eventType, fromVersion, toVersion } = upcaster
    const chain = this.#chains.get(eventType)
    const fail = (reason: string) => new UpcasterRegistrationError(eventType, reason)
    if (chain === undefined) throw fail('the schema declares no latest version for this type')
    if (!Number.isSafeInteger(fromVersion) || fromVersion < 1)
      throw fail(`fromVersion ${fromVersion} is not a positive integer`)
    if (toVersion !== fromVersion + 1)
      throw fail(
        `an upcaster from version ${fromVersion} must produce version ${fromVersion + 1}, not ${toVersion}` +
          (toVersion <= fromVersion ? ' (it does not advance)' : ''),
      )
    if (toVersion > chain.latest)
      throw fail(`an upcaster to version ${toVersion} goes past the latest, ${chain.latest}`)
    if (typeof upcaster.upcast !== 'function')
      throw fail(`the upcaster from version ${fromVersion} is not a function`)
    if (isAsyncFunction(upcaster.upcast))
      throw fail(`the upcaster from version ${fromVersion} is async: upcasters are synchronous`)
    if (chain.steps[fromVersion] !== undefined) throw fail(`two upcasters from version ${fromVersion}`)
    chain.steps[fromVersion] = upcaster
  }

  #registerRenames(renamed: Readonly<Record<string, string>>, maxSteps: number): void {
    for (const oldName of Object.keys(renamed)) {
      if (this.#chains.has(oldName))
        throw new UpcasterRegistrationError(oldName, 'a renamed type cannot also be a current type')
      // Follow renames of renames to the current name, bounded so a cycle fails here, not on a read.
      const seen = [oldName]
      let name = oldName
      while (renamed[name] !== undefined) {
        name = renamed[name] as string
        if (seen.includes(name) || seen.length > maxSteps)
          throw new UpcasterRegistrationError(
            oldName,
            `the renames loop or run too long: ${[...seen, name].join(' → ')}`,
          )
        seen.push(name)
      }
      if (!this.#chains.has(name))
        throw new UpcasterRegistrationError(oldName, `renamed to ${name}, which is not a known type`)
      this.#renamed.set(oldName, name)
    }
  }
}

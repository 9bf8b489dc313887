// Given, complete: the errors the specs expect, each with the facts in fields and in the message.

/** An event type this code does not know (or no longer writes under that name). */
export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError'
  constructor(
    readonly eventType: string,
    readonly knownTypes: readonly string[],
  ) {
    super(`unknown event type ${eventType} (known: ${knownTypes.join(', ')})`)
  }
}

/** A stored version this code cannot read: newer than the latest it knows, or not a version at all. */
export class UnknownEventVersionError extends Error {
  override readonly name = 'UnknownEventVersionError'
  constructor(
    readonly eventType: string,
    readonly version: unknown,
    readonly latest: number,
  ) {
    super(
      `cannot read ${eventType} at version ${JSON.stringify(version)}: this code knows versions 1 to ${latest}` +
        (typeof version === 'number' && version > latest ? ' (written by newer code?)' : ''),
    )
  }
}

/** A new event at an older version than the latest: new events are written at the latest version. */
export class OutdatedEventVersionError extends Error {
  override readonly name = 'OutdatedEventVersionError'
  constructor(
    readonly eventType: string,
    readonly version: number,
    readonly latest: number,
  ) {
    super(`cannot append ${eventType} at version ${version}: new events are written at version ${latest}`)
  }
}

/** A schema that cannot work, found when the upcasters are registered rather than on some later read. */
export class UpcasterRegistrationError extends Error {
  override readonly name = 'UpcasterRegistrationError'
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`cannot register upcasters for ${eventType}: ${reason}`)
  }
}

/** An upcaster failed on one event: names the event and the step; the original error is its cause. */
export class UpcastError extends Error {
  override readonly name = 'UpcastError'
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly fromVersion: number,
    cause: unknown,
  ) {
    super(
      `cannot upcast ${eventType} ${eventId} from version ${fromVersion}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    )
  }
}

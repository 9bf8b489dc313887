/** An event whose type or version the catalog cannot bring to the current version. */
export class UnknownEventVersionError extends Error {
  override readonly name = 'UnknownEventVersionError'
  constructor(
    readonly type: string,
    readonly version: number,
    readonly reason: string,
  ) {
    super(`cannot upcast ${type} v${version}: ${reason}`)
  }
}

/** A command the ride's current state does not allow. */
export class RideRuleError extends Error {
  override readonly name = 'RideRuleError'
  constructor(
    readonly command: string,
    readonly status: string,
    readonly reason: string,
  ) {
    super(`${command} rejected in status ${status}: ${reason}`)
  }
}

/** Someone else appended to the ride's stream since it was loaded. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError'
  constructor(
    readonly rideId: string,
    readonly expectedVersion: number,
  ) {
    super(`ride ${rideId} is no longer at version ${expectedVersion}`)
  }
}

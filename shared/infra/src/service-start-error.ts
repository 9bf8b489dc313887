import type { ServiceName } from './service-name.ts'

/**
 * A service could not be brought up. The message is one line a learner can act on: which
 * service, why, and what to install or run.
 */
export class ServiceStartError extends Error {
  override readonly name = 'ServiceStartError'
  constructor(
    readonly service: ServiceName,
    /** Why, e.g. "no Docker engine answers and no `java` on PATH". */
    readonly reason: string,
    /** What to do, e.g. "install Docker, or a JDK 17 and Maven". */
    readonly fix: string,
  ) {
    super(`${service}: ${reason}. Fix: ${fix}`)
  }
}

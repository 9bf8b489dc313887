import type { ServiceName } from '@eda/infra'

/**
 * A spec needs a service that is not there. Locally its suite is skipped with this message; with
 * `CI=true` or `EDA_REQUIRE_INFRA=1` the suite fails with it.
 */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError'
  constructor(
    readonly service: ServiceName,
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${service} ${reason}: ${fix}`)
  }
}

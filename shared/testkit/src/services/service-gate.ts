import { isInfraRequired, type ServiceName } from '@eda/infra'
import type { ProvidedServices } from './provided-services.ts'
import { ServiceUnavailableError } from './service-unavailable-error.ts'

export { isInfraRequired }

/** The command that fixes a missing service. */
export const fixCommand = (service: ServiceName) => `run \`pnpm infra up ${service}\``

export type ServiceGate =
  | { readonly run: true }
  | { readonly run: false; readonly required: boolean; readonly error: ServiceUnavailableError }

/**
 * Whether specs needing `services` can run, from what the global setup provided. A service the
 * setup never probed is a configuration mistake and always fails, with what to add.
 */
export function serviceGate(
  services: readonly ServiceName[],
  provided: ProvidedServices | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ServiceGate {
  for (const service of services) {
    const found = provided?.[service]
    if (found === undefined) {
      return {
        run: false,
        required: true,
        error: new ServiceUnavailableError(
          service,
          'was not checked before the specs',
          `declare it in kata.json "services" or add \`...withServices(['${service}'])\` to this workspace's vitest config`,
        ),
      }
    }
    if (!found.available) {
      const why = found.reason === undefined ? '' : ` (${found.reason})`
      return {
        run: false,
        required: isInfraRequired(env),
        error: new ServiceUnavailableError(
          service,
          `not reachable at ${found.address}${why}`,
          fixCommand(service),
        ),
      }
    }
  }
  return { run: true }
}

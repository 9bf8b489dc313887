import { SERVICE_ENV_VARS } from './service-config.ts'
import type { ServiceName } from './service-name.ts'
import type { StartBlocker } from './start-blocker.ts'

/** The configured address is not on this machine: it is someone else's server to start. */
export function remoteBlocker(service: ServiceName, address: string): StartBlocker {
  return {
    reason: `${SERVICE_ENV_VARS[service]} points at ${address}, which this tool cannot start`,
    fix: `start that server yourself, or unset ${SERVICE_ENV_VARS[service]} to use the local default`,
  }
}

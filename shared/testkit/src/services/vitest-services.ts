import { fileURLToPath } from 'node:url'
import type { ServiceName } from '@eda/infra'

/** The services a workspace's specs need, as the global setup reads them from its config. */
export const SERVICES_ENV = 'EDA_SERVICES'

/**
 * The part of a workspace's vitest config that checks its services once before the specs run:
 * `test: { ...withServices(['kafka']) }`. Kept free of runtime imports so configs load fast.
 */
export function withServices(services: readonly ServiceName[]): {
  globalSetup: string[]
  env: Record<string, string>
} {
  return {
    globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
    env: { [SERVICES_ENV]: services.join(',') },
  }
}

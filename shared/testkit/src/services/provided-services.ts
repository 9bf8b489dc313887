import type { ServiceName } from '@eda/infra'

/** What the global setup found about one service, handed to every spec file via `inject`. */
export interface ServiceAvailability {
  readonly available: boolean
  /** Why it is not available, in a few words (e.g. "connection refused"). */
  readonly reason?: string
  /** The address as printed (passwords masked). */
  readonly address: string
}

export interface ProvidedServices {
  readonly kafka?: ServiceAvailability & { readonly brokers: readonly string[] }
  readonly rabbitmq?: ServiceAvailability & { readonly url: string }
  readonly postgres?: ServiceAvailability & { readonly url: string }
}

export type ProvidedService = NonNullable<ProvidedServices[ServiceName]>

declare module 'vitest' {
  export interface ProvidedContext {
    services: ProvidedServices
  }
}

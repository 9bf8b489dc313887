import { probeService, type ServiceName, serviceAddress, serviceConfig } from '@eda/infra'
import type { ProvidedServices } from './provided-services.ts'

/** Probes each service once, in parallel, at the addresses the specs will use. */
export async function probeServices(
  services: readonly ServiceName[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProvidedServices> {
  const config = serviceConfig(env)
  const entries = await Promise.all(
    services.map(async (service) => {
      const probe = await probeService(service, { config })
      const base = {
        available: probe.reachable,
        address: serviceAddress(service, config),
        ...(probe.reachable ? {} : { reason: probe.reason }),
      }
      switch (service) {
        case 'kafka':
          return [service, { ...base, brokers: config.kafka.brokers }] as const
        case 'rabbitmq':
          return [service, { ...base, url: config.rabbitmq.url }] as const
        case 'postgres':
          return [service, { ...base, url: config.postgres.url }] as const
      }
    }),
  )
  return Object.fromEntries(entries) as ProvidedServices
}

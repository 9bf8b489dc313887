import type { TestProject } from 'vitest/node'
import { neededServices } from './needed-services.ts'
import { probeServices } from './probe-services.ts'
import './provided-services.ts'
import { fixCommand, isInfraRequired } from './service-gate.ts'

/**
 * Vitest global setup: probes the services this workspace needs once, before any spec file, and
 * provides the answers to `describeWithService` (`inject('services')`). It never starts anything:
 * `pnpm infra up` and the test command do that.
 */
export async function setup(project: TestProject): Promise<void> {
  const services = neededServices(project.config.root, project.config.env ?? {})
  const provided = await probeServices(services)
  project.provide('services', provided)
  const required = isInfraRequired()
  for (const service of services) {
    const found = provided[service]
    if (found === undefined || found.available) continue
    // One line per missing service, printed once per workspace rather than once per spec file.
    const effect = required ? 'its specs fail (CI / EDA_REQUIRE_INFRA)' : 'its specs are skipped'
    console.warn(
      `⚠ ${service} not reachable at ${found.address} (${found.reason ?? 'no answer'}): ${effect}; ${fixCommand(service)}`,
    )
  }
}

import { createInfra } from './create-infra.ts'
import { describeError } from './describe-error.ts'
import type { Infra } from './infra.ts'
import { logReporter } from './reporter.ts'
import type { ServiceName } from './service-name.ts'
import type { StartedService } from './started-service.ts'

/** A service the test run needs but could not get, with the one-line reason and the fix. */
export interface UnavailableService {
  readonly service: ServiceName
  readonly reason: string
  readonly fix: string
}

export interface EnsuredServices {
  /** Services this call started (or adopted from a test run that died): `stop()` stops these. */
  readonly started: ServiceName[]
  readonly unavailable: UnavailableService[]
  /** Stops exactly what this call started; safe to call twice; never throws (failures are logged). */
  stop(): Promise<void>
}

export interface EnsureServicesOptions {
  readonly log?: (line: string) => void
  /** Injected by tests; by default the real tool for this repository, owned by this process. */
  readonly infra?: Infra
}

/**
 * What the test command calls before running specs: brings up each service that does not answer
 * (like `pnpm infra up`), reports what could not be started instead of throwing, and hands back a
 * `stop()` for the end of the run, whatever its outcome.
 */
export async function ensureServices(
  services: readonly ServiceName[],
  { log = () => undefined, infra }: EnsureServicesOptions = {},
): Promise<EnsuredServices> {
  const tool = infra ?? createInfra({ reporter: logReporter(log), ownerPid: process.pid })
  let results: Awaited<ReturnType<Infra['up']>>
  try {
    results = await tool.up(services)
  } catch (error) {
    // Only the state lock can throw here (another run held it too long): report, do not crash.
    const reason = describeError(error)
    return {
      started: [],
      unavailable: services.map((service) => ({
        service,
        reason,
        fix: 'retry when the other pnpm infra has finished',
      })),
      stop: async () => undefined,
    }
  }
  const ours = new Map<ServiceName, string>()
  const unavailable: UnavailableService[] = []
  for (const result of results) {
    if (result.outcome === 'started' || result.outcome === 'adopted')
      ours.set(result.service, result.record.id)
    if (result.outcome === 'failed') {
      const { service, reason, fix } = result.error
      unavailable.push({ service, reason, fix })
    }
  }
  let stopping: Promise<void> | undefined
  return {
    started: [...ours.keys()],
    unavailable,
    stop() {
      stopping ??= (async () => {
        if (ours.size === 0) return
        try {
          // A record whose owner was cleared by `pnpm infra up` meanwhile is kept running.
          const mine = (record: StartedService) =>
            ours.get(record.service) === record.id && record.ownerPid !== undefined
          await tool.down([...ours.keys()], { only: mine })
        } catch (error) {
          log(
            `✖ could not stop ${[...ours.keys()].join(', ')}: ${describeError(error)}; run \`pnpm infra down\``,
          )
        }
      })()
      return stopping
    },
  }
}

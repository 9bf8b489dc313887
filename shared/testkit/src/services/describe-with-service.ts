import type { ServiceName } from '@eda/infra'
import { describe, inject, it } from 'vitest'
import './provided-services.ts'
import { serviceGate } from './service-gate.ts'

/**
 * `describe` for specs that need a real server. When it is missing, the suite is registered as
 * skipped with a title naming the service and the fix; with `CI=true` or `EDA_REQUIRE_INFRA=1`
 * it registers one failing test carrying that same line instead.
 */
export function describeWithService(
  service: ServiceName | readonly ServiceName[],
  title: string,
  fn: () => void,
): void {
  const services: readonly ServiceName[] = typeof service === 'string' ? [service] : service
  const gate = serviceGate(services, inject('services'))
  if (gate.run) {
    describe(title, fn)
    return
  }
  if (!gate.required) {
    describe.skip(`${title} [skipped: ${gate.error.message}]`, fn)
    return
  }
  describe(title, () => {
    it(`needs ${services.join(' and ')}`, () => {
      throw gate.error
    })
  })
}

import { NotImplementedError } from '@eda/testkit'
import fc from 'fast-check'

/** Runs per property: 100 by default, `FC_RUNS=2000 pnpm test` digs deeper. */
export const propertyRuns = (): number => Number(process.env.FC_RUNS ?? 100)

/** The property's own error (an assertion, or the stub's NotImplementedError), with the counterexample. */
function failure<Ts>(details: fc.RunDetails<Ts>): Error {
  const error = details.errorInstance
  if (error instanceof Error) {
    if (!(error instanceof NotImplementedError))
      error.message += `\n\ncounterexample (seed ${details.seed}, path "${details.counterexamplePath}"): ${fc.stringify(details.counterexample)}`
    return error
  }
  return new Error(fc.defaultReportMessage(details))
}

// A first pass stops at the first failure: on a function not written yet there is nothing to
// shrink. Only a real failure is replayed from the same seed with shrinking, for the smallest case.
const firstPass = () => ({ numRuns: propertyRuns(), endOnFailure: true })
const unfinished = <Ts>(details: fc.RunDetails<Ts>) => details.errorInstance instanceof NotImplementedError

/**
 * `fc.assert`, rethrowing the property's own error rather than fast-check's wrapper, so a failing
 * property reads like any failing expectation.
 */
export function assertProperty<Ts>(property: fc.IProperty<Ts>): void {
  const first = fc.check(property, firstPass())
  if (!first.failed) return
  throw failure(unfinished(first) ? first : fc.check(property, { numRuns: propertyRuns(), seed: first.seed }))
}

/** The same for async properties. */
export async function assertAsyncProperty<Ts>(property: fc.IAsyncProperty<Ts>): Promise<void> {
  const first = await fc.check(property, firstPass())
  if (!first.failed) return
  throw failure(
    unfinished(first) ? first : await fc.check(property, { numRuns: propertyRuns(), seed: first.seed }),
  )
}

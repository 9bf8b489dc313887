import fc from 'fast-check'

/** Runs per property: 100 by default, `FC_RUNS=2000 pnpm test` digs deeper. */
export const propertyRuns = (): number => Number(process.env.FC_RUNS ?? 100)

/**
 * `fc.assert` for async properties, rethrowing the property's own error (an assertion or the
 * stub's NotImplementedError) with the shrunk counterexample added, rather than fast-check's wrapper.
 */
export async function assertProperty<Ts>(property: fc.IAsyncProperty<Ts>): Promise<void> {
  const details = await fc.check(property, { numRuns: propertyRuns() })
  if (!details.failed) return
  const error = details.errorInstance
  if (error instanceof Error) {
    error.message += `\n\ncounterexample (seed ${details.seed}, path "${details.counterexamplePath}"): ${fc.stringify(details.counterexample)}`
    throw error
  }
  throw new Error(fc.defaultReportMessage(details))
}

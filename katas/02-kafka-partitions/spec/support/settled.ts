import { waitFor } from '@eda/testkit'

/** Awaits a promise for at most `timeoutMs`, failing with a WaitForTimeoutError that names it. */
export async function settled<T>(promise: Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  let outcome: { value: T } | undefined
  let failure: { error: unknown } | undefined
  promise.then(
    (value) => {
      outcome = { value }
    },
    (error: unknown) => {
      failure = { error }
    },
  )
  await waitFor(() => outcome !== undefined || failure !== undefined, { what, timeoutMs, intervalMs: 20 })
  if (failure) throw failure.error
  return (outcome as { value: T }).value
}

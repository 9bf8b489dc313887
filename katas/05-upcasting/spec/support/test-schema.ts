import type { RecordedEvent, Upcaster, UpcastingSchema } from '#impl'

// Spec-only event types, small enough to see what each upcaster did.
//
// Deposited: v1 { accountId, cents } → v2 { accountId, amount } (in major units)
//            → v3 { accountId, amount, currency } (USD: the only currency before v3)
// Traced:    each step appends "from→to" to `trail`, so a spec sees which steps ran, in which order.
// Noted:     version 1 only, no upcasters.

type DepositedV1 = { accountId: string; cents: number }
type DepositedV2 = { accountId: string; amount: number }
export type DepositedV3 = { accountId: string; amount: number; currency: string }
type Traced = { trail: string[] }

export const depositedV1ToV2: Upcaster = {
  eventType: 'Deposited',
  fromVersion: 1,
  toVersion: 2,
  upcast: ({ accountId, cents }: DepositedV1): DepositedV2 => ({ accountId, amount: cents / 100 }),
}

export const depositedV2ToV3: Upcaster = {
  eventType: 'Deposited',
  fromVersion: 2,
  toVersion: 3,
  upcast: (data: DepositedV2): DepositedV3 => ({ ...data, currency: 'USD' }),
}

export const traced = (fromVersion: number): Upcaster => ({
  eventType: 'Traced',
  fromVersion,
  toVersion: fromVersion + 1,
  upcast: (data: Traced): Traced => ({
    ...data,
    trail: [...data.trail, `${fromVersion}→${fromVersion + 1}`],
  }),
})

/** Deposited at v3, Traced at v4, Noted at v1; the upcasters registered out of order on purpose. */
export const testSchema = (overrides: Partial<UpcastingSchema> = {}): UpcastingSchema => ({
  latest: { Deposited: 3, Traced: 4, Noted: 1 },
  upcasters: [traced(3), depositedV2ToV3, traced(1), depositedV1ToV2, traced(2)],
  ...overrides,
})

/** Balance per currency: a fold that only understands Deposited v3. */
export function balances(events: readonly RecordedEvent[]): Record<string, number> {
  const totals: Record<string, number> = {}
  for (const event of events) {
    if (event.eventType !== 'Deposited' || event.version !== 3)
      throw new Error(`cannot fold ${event.eventType} v${event.version}`)
    const { amount, currency } = event.data as DepositedV3
    totals[currency] = Math.round(((totals[currency] ?? 0) + amount) * 100) / 100
  }
  return totals
}

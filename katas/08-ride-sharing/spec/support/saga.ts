import { FakeClock } from '@eda/testkit'
import { BookingSaga, type Location, type PaymentPort } from '#impl'

/** A payment provider that records its calls; `declines` makes every authorization fail. */
export class FakePayments implements PaymentPort {
  readonly calls: string[] = []
  constructor(private readonly declines = false) {}

  async authorize(rideId: string, amount: number) {
    this.calls.push(`authorize ${rideId} ${amount}`)
    if (this.declines) return { authorized: false as const, reason: 'card declined' }
    return { authorized: true as const, authorizationId: `auth-${rideId}` }
  }

  async void(authorizationId: string) {
    this.calls.push(`void ${authorizationId}`)
  }
}

export const OFFER_TIMEOUT_MS = 15_000

/** A saga over a fixed list of drivers, nearest first; `findDriver` skips the excluded ones. */
export function sagaWith(
  drivers: readonly string[],
  options: { declines?: boolean; maxOffers?: number } = {},
) {
  const clock = new FakeClock('2026-11-27T10:00:00.000Z')
  const payments = new FakePayments(options.declines)
  const searches: Array<readonly string[]> = []
  const saga = new BookingSaga({
    payments,
    findDriver: (_pickup: Location, exclude: readonly string[]) => {
      searches.push([...exclude])
      return drivers.find((driver) => !exclude.includes(driver))
    },
    clock: clock.now,
    offerTimeoutMs: OFFER_TIMEOUT_MS,
    maxOffers: options.maxOffers ?? 3,
  })
  return { saga, clock, payments, searches }
}

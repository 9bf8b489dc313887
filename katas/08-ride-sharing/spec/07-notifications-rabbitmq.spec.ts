import { Collector } from '@eda/testkit'
import {
  closeQuietly,
  connectAmqp,
  declareExchange,
  describeWithService,
  openChannel,
  useCleanup,
} from '@eda/testkit/services'
import type { Channel, ChannelModel } from 'amqplib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Notification, notificationsFor, RideNotifier, subscribeNotifications } from '#impl'
import { BAIXA } from './support/rides.ts'
import { sagaWith } from './support/saga.ts'

/** Notifications go through the broker, unconfirmed: longer than Collector's in-process default. */
const BROKER_MS = 10_000

const kinds = (notifications: readonly Notification[]) =>
  notifications.map((n) => `${n.audience}.${n.recipientId}.${n.kind}`)

describeWithService('rabbitmq', 'step 7: notifications to riders and drivers by pub/sub on RabbitMQ', () => {
  const cleanup = useCleanup()
  let connection: ChannelModel
  let channel: Channel

  beforeAll(async () => {
    connection = await connectAmqp()
    channel = await openChannel(connection)
  })
  afterAll(async () => {
    await closeQuietly(channel)
    await closeQuietly(connection)
  })

  it('tells the driver of the offer, both of the confirmation, and the rider of a cancellation and a released hold', () => {
    const offer = {
      type: 'DriverAssigned',
      rideId: 'ride-1',
      driverId: 'd1',
      expiresAt: '2026-11-27T10:00:15.000Z',
    } as const
    expect(kinds(notificationsFor(offer, 'r1'))).toEqual(['driver.d1.ride-offered'])
    expect(
      kinds(notificationsFor({ type: 'RideConfirmed', rideId: 'ride-1', driverId: 'd1' }, 'r1')),
    ).toEqual(['rider.r1.driver-on-the-way', 'driver.d1.ride-confirmed'])
    expect(
      kinds(notificationsFor({ type: 'RideCancelled', rideId: 'ride-1', reason: 'no-driver' }, 'r1')),
    ).toEqual(['rider.r1.ride-cancelled'])
    expect(
      kinds(notificationsFor({ type: 'PaymentVoided', rideId: 'ride-1', authorizationId: 'a' }, 'r1')),
    ).toEqual(['rider.r1.payment-released'])
    expect(notificationsFor({ type: 'DriverReleased', rideId: 'ride-1', driverId: 'd1' }, 'r1')).toEqual([])
  })

  it('delivers each person only their own notifications, and a copy of everything to a `#` subscriber', async () => {
    const exchange = await declareExchange(connection, { prefix: 'k08-notifications', cleanup })
    const notifier = new RideNotifier(channel, exchange)
    await notifier.setup()
    await notifier.setup()

    const riderOne = new Collector<Notification>()
    const riderTwo = new Collector<Notification>()
    const driverOne = new Collector<Notification>()
    const everything = new Collector<Notification>()
    for (const [pattern, collector] of [
      ['rider.r1.#', riderOne],
      ['rider.r2.#', riderTwo],
      ['driver.d1.#', driverOne],
      ['#', everything],
    ] as const) {
      const subscription = await subscribeNotifications(channel, exchange, pattern, (n) => collector.push(n))
      cleanup.add(`close the ${pattern} subscription`, () => subscription.close())
    }

    // Two bookings: r1's ride is offered to d1 and confirmed; r2's finds no driver.
    const one = sagaWith(['d1'])
    await one.saga.start({ rideId: 'ride-1', pickup: BAIXA, fare: 10 })
    await one.saga.accept('ride-1', 'd1')
    const two = sagaWith([])
    await two.saga.start({ rideId: 'ride-2', pickup: BAIXA, fare: 10 })
    const sent = [
      ...one.saga.messages('ride-1').flatMap((m) => notificationsFor(m, 'r1')),
      ...two.saga.messages('ride-2').flatMap((m) => notificationsFor(m, 'r2')),
    ]
    for (const notification of sent) notifier.notify(notification)

    await everything.waitForCount(sent.length, 'every notification at the `#` subscriber', BROKER_MS)
    await riderTwo.waitForCount(2, "r2's cancellation and released hold", BROKER_MS)
    await driverOne.waitForCount(2, "d1's offer and confirmation", BROKER_MS)
    await riderOne.waitForCount(1, "r1's driver-on-the-way", BROKER_MS)
    expect(kinds(everything.items)).toEqual(kinds(sent))
    expect(kinds(riderOne.items)).toEqual(['rider.r1.driver-on-the-way'])
    expect(kinds(riderTwo.items)).toEqual(['rider.r2.payment-released', 'rider.r2.ride-cancelled'])
    expect(kinds(driverOne.items)).toEqual(['driver.d1.ride-offered', 'driver.d1.ride-confirmed'])
  })
})

import { uniqueName, waitFor } from '@eda/testkit'
import {
  createKafka,
  createTopic,
  describeWithService,
  useCleanup,
  waitForConsumerToJoinGroup,
} from '@eda/testkit/services'
import type { Admin } from 'kafkajs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  AvailableDriversView,
  DriverLocationPublisher,
  type DriverLocationUpdate,
  decodeLocation,
} from '#impl'
import { BAIXA } from './support/rides.ts'

interface Received {
  readonly partition: number
  readonly key: string | undefined
  readonly update: DriverLocationUpdate
}

/** Driver `d` drives north-east across the city (and across any grid cell) in `n` fixes. */
function drive(driverId: string, n: number, start: number): DriverLocationUpdate[] {
  return Array.from({ length: n }, (_, i) => ({
    driverId,
    lat: 38.2 + start * 0.01 + i * 0.3,
    lng: -9.6 + i * 0.3,
    at: new Date(Date.UTC(2026, 10, 27, 10, 0, i)).toISOString(),
  }))
}

describeWithService('kafka', 'step 6: driver locations on Kafka, keyed by driver id', () => {
  const cleanup = useCleanup()
  const kafka = createKafka('kata-08-ride-sharing')
  let admin: Admin

  beforeAll(async () => {
    admin = kafka.admin()
    await admin.connect()
  })
  afterAll(async () => {
    await admin?.disconnect()
  })

  it('keeps each driver’s updates on one partition in the order they were sent, however the driver moves', async () => {
    const topic = await createTopic(admin, { prefix: 'driver-locations', partitions: 4, cleanup })
    // Idempotent, one request in flight: a request retried after a timeout or a leader change must
    // not store a fix twice or let a retried batch overtake the next one.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 })
    await producer.connect()
    cleanup.add('disconnect the producer', () => producer.disconnect())

    const drivers = ['driver-a', 'driver-b', 'driver-c', 'driver-d', 'driver-e', 'driver-f']
    const journeys = drivers.map((driver, i) => drive(driver, 5, i))
    const publisher = new DriverLocationPublisher(producer, topic)
    // Interleaved, as a gateway batches them: one fix of each driver at a time.
    for (let i = 0; i < 5; i++)
      await publisher.publish(journeys.map((journey) => journey[i] as DriverLocationUpdate))

    // Keyed by partition and offset: a rebalance before the first commit hands the consumer the
    // same records again (at-least-once), which is not the publisher's doing.
    const records = new Map<string, Received>()
    const consumer = kafka.consumer({ groupId: uniqueName('locations') })
    await consumer.connect()
    cleanup.add('disconnect the consumer', () => consumer.disconnect())
    await consumer.subscribe({ topic, fromBeginning: true })
    const joined = waitForConsumerToJoinGroup(consumer)
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.set(`${partition}@${message.offset}`, {
          partition,
          key: message.key?.toString(),
          update: decodeLocation(message),
        })
      },
    })
    await joined
    await waitFor(() => records.size >= 30, {
      timeoutMs: 20_000,
      what: 'the 30 location updates of 6 drivers',
    })
    const received = [...records.values()]

    for (const driver of drivers) {
      const mine = received.filter((r) => r.update.driverId === driver)
      expect(mine.map((r) => r.key)).toEqual(Array(5).fill(driver))
      expect(new Set(mine.map((r) => r.partition)).size).toBe(1)
      expect(mine.map((r) => r.update.at)).toEqual(drive(driver, 5, 0).map((u) => u.at))
    }
    expect(new Set(received.map((r) => r.partition)).size).toBeGreaterThan(1)

    // Consumed in order per driver, the read model ends with each driver's last fix.
    const view = AvailableDriversView.rebuild(
      received.map((r) => ({ type: 'DriverLocationUpdated', version: 1, data: r.update })),
    )
    expect(view.near(BAIXA, 20_000)).toHaveLength(6)
  })
})

import type { Producer } from 'kafkajs'

/** One GPS fix from a driver's app. `at` is an ISO-8601 UTC timestamp. */
export interface DriverLocationUpdate {
  readonly driverId: string
  readonly lat: number
  readonly lng: number
  readonly at: string
}

/** A record as a Kafka consumer hands it over: the fields `decodeLocation` reads. */
export interface LocationRecord {
  readonly key: Buffer | null
  readonly value: Buffer | null
}

/**
 * Step 6: publishes driver locations on Kafka, keyed by driver id, so every update of one driver
 * lands on one partition in the order it was published.
 */
export class DriverLocationPublisher {
  readonly #producer: Producer
  readonly #topic: string

  constructor(producer: Producer, topic: string) {
    this.#producer = producer
    this.#topic = topic
  }

  /** Sends the updates in the given order and resolves once the broker has them. */
  async publish(updates: readonly DriverLocationUpdate[]): Promise<void> {
    if (updates.length === 0) return
    await this.#producer.send({
      topic: this.#topic,
      messages: updates.map((update) => ({ key: update.driverId, value: JSON.stringify(update) })),
    })
  }
}

/** Step 6: the update a record carries. */
export function decodeLocation(record: LocationRecord): DriverLocationUpdate {
  if (record.value === null) throw new Error('a location record has no value')
  return JSON.parse(record.value.toString('utf8')) as DriverLocationUpdate
}

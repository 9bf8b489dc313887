import { NotImplementedError } from '@eda/testkit'
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
  /** Keep the producer and topic; the constructor must not throw. */
  constructor(producer: Producer, topic: string) {
    void producer
    void topic
  }

  /** Sends the updates in the given order and resolves once the broker has them. */
  publish(_updates: readonly DriverLocationUpdate[]): Promise<void> {
    return Promise.reject(
      new NotImplementedError(
        'DriverLocationPublisher.publish',
        'send the updates keyed by driver id (step 6)',
      ),
    )
  }
}

/** Step 6: the update a record carries. */
export function decodeLocation(_record: LocationRecord): DriverLocationUpdate {
  throw new NotImplementedError('decodeLocation', "read the update from a record's value (step 6)")
}

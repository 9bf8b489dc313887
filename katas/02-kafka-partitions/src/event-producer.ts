import type { EventEnvelope } from '@eda/events'
import { NotImplementedError } from '@eda/testkit'
import type { Kafka } from 'kafkajs'
import type { EventProducerOptions, PublishBatchOptions, PublishedEvent } from './types.ts'

/**
 * Publishes event envelopes to one topic, keyed by aggregate id (`options.keyOf`). Step 2.
 * Build the kafkajs producer with `kafka.producer({ createPartitioner: keyPartitioner, ... })`,
 * turn events into records with `toKafkaMessage` from `@eda/events`, and stamp each record with
 * the event's own time (`timestamp`: ms since the epoch, as a string).
 */
export class EventProducer {
  constructor(kafka: Kafka, options: EventProducerOptions) {
    void [kafka, options]
  }

  /** Step 2: connect the underlying producer. */
  connect(): Promise<void> {
    return Promise.reject(new NotImplementedError('EventProducer.connect', 'connect a kafkajs producer'))
  }

  /** Step 2: send one event; resolve with the partition and offset the broker stored it at. */
  publish(event: EventEnvelope): Promise<PublishedEvent> {
    void event
    return Promise.reject(new NotImplementedError('EventProducer.publish', 'send one keyed event'))
  }

  /** Step 2: send many events in one `sendBatch`, gzip-compressed on request. */
  publishBatch(events: readonly EventEnvelope[], options: PublishBatchOptions = {}): Promise<void> {
    void [events, options]
    return Promise.reject(
      new NotImplementedError('EventProducer.publishBatch', 'send the events in one batch'),
    )
  }

  /** Step 2: disconnect the underlying producer. */
  disconnect(): Promise<void> {
    return Promise.reject(new NotImplementedError('EventProducer.disconnect', 'disconnect the producer'))
  }
}

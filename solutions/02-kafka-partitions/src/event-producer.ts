import { type EventEnvelope, toKafkaMessage } from '@eda/events'
import { CompressionTypes, type Kafka, type Message, type Producer } from 'kafkajs'
import { keyPartitioner } from './partitioner.ts'
import type { EventProducerOptions, PublishBatchOptions, PublishedEvent } from './types.ts'

/**
 * Publishes event envelopes to one topic, keyed by aggregate id so that one aggregate's events
 * share a partition (and so keep their order). The record's timestamp is the event's time.
 */
export class EventProducer {
  readonly #producer: Producer
  readonly #options: EventProducerOptions

  constructor(kafka: Kafka, options: EventProducerOptions) {
    this.#options = options
    // Idempotent: a retried request (a timeout, a leader change) must not write an event twice;
    // the broker drops a batch whose producer id and sequence number it already stored. One
    // request in flight keeps a retried batch from overtaking the next one.
    this.#producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      ...options.producer,
      createPartitioner: keyPartitioner,
    })
  }

  connect(): Promise<void> {
    return this.#producer.connect()
  }

  /** Sends one event and resolves once the broker has it (acks from all in-sync replicas). */
  async publish(event: EventEnvelope): Promise<PublishedEvent> {
    const [stored] = await this.#producer.send({
      topic: this.#options.topic,
      acks: -1,
      messages: [this.#record(event)],
    })
    if (stored === undefined) throw new Error(`the broker acknowledged no record for ${event.eventId}`)
    return { partition: stored.partition, offset: stored.baseOffset ?? '-1' }
  }

  /**
   * Sends many events in one request per broker: one record batch per partition, optionally
   * compressed. Events with the same key keep their relative order.
   */
  async publishBatch(events: readonly EventEnvelope[], options: PublishBatchOptions = {}): Promise<void> {
    if (events.length === 0) return
    await this.#producer.sendBatch({
      acks: -1,
      compression: options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None,
      topicMessages: [{ topic: this.#options.topic, messages: events.map((event) => this.#record(event)) }],
    })
  }

  disconnect(): Promise<void> {
    return this.#producer.disconnect()
  }

  #record(event: EventEnvelope): Message {
    const partitionKey = this.#options.keyOf(event)
    const { key, value, headers } = toKafkaMessage(event, partitionKey === null ? {} : { key: partitionKey })
    return { key, value, headers: { ...headers }, timestamp: String(Date.parse(event.timestamp)) }
  }
}

export { consumerLag } from './consumer-lag.ts'
export { EventConsumer } from './event-consumer.ts'
export { EventProducer } from './event-producer.ts'
export { GroupNotEmptyError } from './group-not-empty-error.ts'
export { idempotent } from './idempotent-handler.ts'
export { nextOffset } from './next-offset.ts'
export { keyPartitioner, murmur2, partitionForKey } from './partitioner.ts'
export { resetOffsets } from './reset-offsets.ts'
export type {
  EventConsumerOptions,
  EventHandler,
  EventProducerOptions,
  PartitionLag,
  ProcessedEvents,
  PublishBatchOptions,
  PublishedEvent,
  RecordPosition,
  ResetOffsetsOptions,
  ResetTarget,
} from './types.ts'

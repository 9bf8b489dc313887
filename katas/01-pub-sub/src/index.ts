export { AmqpPublisher } from './amqp-publisher.ts'
export { AmqpSubscriber } from './amqp-subscriber.ts'
export {
  type AmqpPublisherOptions,
  type AmqpSubscribeOptions,
  type AmqpWorkerOptions,
  type ConsumerFailure,
  type DeadLetterTopology,
  type DeliveryInfo,
  type EventHandler,
  type FailureOutcome,
  type FailureReason,
  type ProcessedEventsOptions,
  WORKER_HEADERS,
  type WorkQueueTopology,
} from './amqp-types.ts'
export { AmqpWorker } from './amqp-worker.ts'
export { BusClosedError } from './bus-closed-error.ts'
export { ClientClosedError } from './client-closed-error.ts'
export { EventBus } from './event-bus.ts'
export { idempotent, ProcessedEvents } from './idempotent.ts'
export { InvalidOptionError } from './invalid-option-error.ts'
export { InvalidTopicError } from './invalid-topic-error.ts'
export { PublishError } from './publish-error.ts'
export { topicMatches } from './topic-matcher.ts'
export type {
  DeliveredEvent,
  DeliveryError,
  DroppedEvent,
  EventBusOptions,
  Handler,
  OverflowPolicy,
  Selector,
  SubscribeOptions,
  Subscription,
} from './types.ts'
export { declareWorkQueue } from './work-queue.ts'

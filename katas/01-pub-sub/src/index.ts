export { BusClosedError } from './bus-closed-error.ts'
export { EventBus } from './event-bus.ts'
export { InvalidOptionError } from './invalid-option-error.ts'
export { InvalidTopicError } from './invalid-topic-error.ts'
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

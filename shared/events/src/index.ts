// @eda/events: the message types, validation, factories, transport mappings and domain catalogs
// that every kata shares. Import from here only; the file layout inside src/ is not API.

export * as rides from './catalogs/rides/index.ts'
export {
  parseRideCommand,
  parseRideEvent,
  RIDES_DOMAIN,
  type RideCommand,
  type RideEvent,
} from './catalogs/rides/ride-messages.ts'
export * as shop from './catalogs/shop/index.ts'
export {
  parseShopCommand,
  parseShopEvent,
  SHOP_DOMAIN,
  type ShopCommand,
  type ShopEvent,
} from './catalogs/shop/shop-messages.ts'
export { MessageValidationError, ROOT_PATH, type ValidationIssue } from './errors/message-validation-error.ts'
export { type Causation, causedBy } from './factory/caused-by.ts'
export {
  type CausedCommandOptions,
  type CausedEventOptions,
  type CausedQueryOptions,
  type CommandOptions,
  createMessageFactory,
  type EventOptions,
  type MessageFactory,
  type MessageFactoryDeps,
  type QueryOptions,
} from './factory/message-factory.ts'
export type { JsonValue, Metadata } from './json/json-value.ts'
export type { Command } from './messages/command.ts'
export { ack, type CommandResult, isAck, nack } from './messages/command-result.ts'
export type { EventEnvelope } from './messages/event-envelope.ts'
export { type Message, type MessageKind, messageIdOf, messageKindOf } from './messages/message.ts'
export { MESSAGE_KINDS, type MessageKindTraits } from './messages/message-kinds.ts'
export type { Query } from './messages/query.ts'
export { type QueryResult, queryResult } from './messages/query-result.ts'
export { looksImperative } from './naming/imperative.ts'
export { isPascalCase, splitPascalCase } from './naming/pascal-case.ts'
export { looksPastTense } from './naming/past-tense.ts'
export { routingKeyOf } from './naming/routing-key.ts'
export { isBaseFormVerb, isPastTenseWord } from './naming/word-forms.ts'
export { type ParseCommandOptions, parseCommand } from './parsing/parse-command.ts'
export { type ParseEventOptions, parseEvent } from './parsing/parse-event.ts'
export { parseEventJson } from './parsing/parse-event-json.ts'
export { type ParseQueryOptions, parseQuery } from './parsing/parse-query.ts'
export {
  type CommandOfSchemas,
  type CommandSchema,
  defineCommandSchema,
  defineEventSchema,
  defineQuerySchema,
  type EventOfSchema,
  type EventOfSchemas,
  type EventSchema,
  type QueryOfSchemas,
  type QuerySchema,
} from './parsing/payload-schemas.ts'
export {
  AMQP_HEADERS,
  type AmqpEventHeaders,
  type AmqpMessage,
  type AmqpMessageProperties,
  type AmqpPublishOptions,
  fromAmqpMessage,
  type IncomingAmqpMessage,
  toAmqpMessage,
} from './transports/amqp-message.ts'
export {
  CLOUDEVENTS_CONTENT_TYPE,
  type CloudEvent,
  type CloudEventExtensionValue,
  fromCloudEvent,
  type ToCloudEventOptions,
  toCloudEvent,
} from './transports/cloud-event.ts'
export {
  fromKafkaMessage,
  type IncomingKafkaMessage,
  KAFKA_HEADERS,
  type KafkaHeaderValue,
  type KafkaMessage,
  type ToKafkaOptions,
  toKafkaMessage,
} from './transports/kafka-message.ts'
export { isUtcTimestamp, utcTimestampFromRfc3339 } from './validation/timestamp.ts'
export { normaliseVersion } from './validation/version.ts'

// Spec-side support for the real servers: gating on availability, addresses, isolation, cleanup.
export {
  closeQuietly,
  connectAmqp,
  type DeclareExchangeOptions,
  type DeclareQueueOptions,
  declareExchange,
  declareQueue,
  openChannel,
  withChannel,
} from './amqp-helpers.ts'
export { CleanupError } from './cleanup-error.ts'
export { CleanupRegistry, useCleanup } from './cleanup-registry.ts'
export { describeWithService } from './describe-with-service.ts'
export {
  ConsumerCrashError,
  type CreateTopicOptions,
  createKafka,
  createTopic,
  waitForConsumerToJoinGroup,
} from './kafka-helpers.ts'
export { neededServices } from './needed-services.ts'
export {
  type CreateSchemaOptions,
  connectPostgres,
  createSchema,
  type Queryable,
} from './postgres-helpers.ts'
export type { ProvidedService, ProvidedServices, ServiceAvailability } from './provided-services.ts'
export { amqpUrl, databaseUrl, kafkaBrokers } from './service-addresses.ts'
export { fixCommand, isInfraRequired, type ServiceGate, serviceGate } from './service-gate.ts'
export { ServiceUnavailableError } from './service-unavailable-error.ts'
export { SERVICES_ENV, withServices } from './vitest-services.ts'

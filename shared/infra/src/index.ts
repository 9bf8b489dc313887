// @eda/infra: start, stop and check the servers the katas' specs use (Kafka, RabbitMQ, PostgreSQL).
export { isLoopbackHost, maskPassword } from './address.ts'
export { type CreateInfraOptions, createInfra, methodPreference } from './create-infra.ts'
export { describeError } from './describe-error.ts'
export { COMPOSE_PROJECT, dockerComposeStarter } from './docker/docker-compose-starter.ts'
export { checkDockerEngine } from './docker/docker-engine.ts'
export {
  type EnsuredServices,
  type EnsureServicesOptions,
  ensureServices,
  type UnavailableService,
} from './ensure-services.ts'
export { LockTimeoutError } from './file-lock.ts'
export { fileStateStore } from './file-state-store.ts'
export {
  type DownOptions,
  type DownResult,
  describeRecord,
  Infra,
  type InfraDeps,
  type MethodPreference,
  type StatusRow,
  type UpResult,
} from './infra.ts'
export { type InfraPaths, infraPaths } from './infra-paths.ts'
export { isInfraRequired } from './infra-required.ts'
export { EMPTY_STATE, type InfraState, memoryStateStore, type StateStore } from './infra-state.ts'
export { type KafkaNativeOptions, kafkaNativeStarter } from './native/kafka/kafka-native-starter.ts'
export { KAFKA_VERSION } from './native/kafka/kafka-version.ts'
export { postgresNativeStarter } from './native/postgres-native-starter.ts'
export { rabbitmqNativeStarter } from './native/rabbitmq-native-starter.ts'
export { probeKafka } from './probe-kafka.ts'
export { probePostgres } from './probe-postgres.ts'
export { probeRabbitmq } from './probe-rabbitmq.ts'
export type { ProbeResult } from './probe-result.ts'
export { type ProbeMode, type ProbeServiceOptions, probeService } from './probe-service.ts'
export { isProcessAlive, processCommandLine, terminateProcess } from './process-control.ts'
export { logReporter, type Reporter, silentReporter, streamReporter } from './reporter.ts'
export {
  DEFAULT_AMQP_URL,
  DEFAULT_DATABASE_URL,
  DEFAULT_KAFKA_BROKERS,
  isLocalService,
  SERVICE_ENV_VARS,
  type ServiceConfig,
  serviceAddress,
  serviceConfig,
} from './service-config.ts'
export { isServiceName, parseServiceNames, SERVICE_NAMES, type ServiceName } from './service-name.ts'
export { ServiceStartError } from './service-start-error.ts'
export type { LogSource, ServiceStarter } from './service-starter.ts'
export type { StartBlocker } from './start-blocker.ts'
export type { StartedService, StartMethod } from './started-service.ts'
export { UnknownServiceError } from './unknown-service-error.ts'
export { DeadlineError, withDeadline } from './with-deadline.ts'

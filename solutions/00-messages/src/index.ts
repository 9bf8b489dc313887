export { CausalChainError, type CausalChainProblem } from './causal-chain-error.ts'
export { causalChain, causedBy } from './causation.ts'
export { createEnvelopeFactory } from './envelope-factory.ts'
export { EnvelopeValidationError, ROOT, type ValidationIssue } from './envelope-validation-error.ts'
export { IdempotencyGuard } from './idempotency-guard.ts'
export { MessageRouter, messageKindOf } from './message-router.ts'
export { isCommandName, isEventName } from './naming.ts'
export { parseEnvelope } from './parse-envelope.ts'
export { ack, nack } from './replies.ts'
export { HandlerAlreadyRegisteredError, NoHandlerError } from './router-errors.ts'
export type {
  Causation,
  CausedEventOptions,
  Command,
  CommandHandler,
  CommandReply,
  EnvelopeFactory,
  EventEnvelope,
  EventHandler,
  EventOptions,
  FactoryDeps,
  HandleOutcome,
  Message,
  MessageKind,
  MessageOptions,
  Metadata,
  Query,
  QueryHandler,
  Reply,
  RouterOptions,
  Subscriber,
} from './types.ts'

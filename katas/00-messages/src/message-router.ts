import { NotImplementedError } from '@eda/testkit'
import type {
  CommandHandler,
  Message,
  MessageKind,
  QueryHandler,
  Reply,
  RouterOptions,
  Subscriber,
} from './types.ts'

/**
 * Step 6. Which kind of message this is, from its own fields (`eventId`/`eventType`,
 * `commandId`/`commandType`, `queryId`/`queryType`). Throw `EnvelopeValidationError` at `(root)`
 * for anything else, or for a message with the fields of two kinds.
 */
export function messageKindOf(message: unknown): MessageKind {
  void message
  throw new NotImplementedError('messageKindOf', 'tell an event, a command and a query apart')
}

/**
 * Step 6. One door for the three kinds of message, each answered the way its kind promises:
 * an event → every subscriber, answered `{ kind: 'none' }` at once (fire-and-forget);
 * a command → its one handler, answered ack or nack (a failure is a nack, never a rejection);
 * a query → its one handler, answered `{ kind: 'data', data }`.
 */
export class MessageRouter {
  constructor(options: RouterOptions = {}) {
    void options
  }

  /** Step 6. Any number of subscribers per event type. */
  subscribe(eventType: string, subscriber: Subscriber): void {
    void subscriber
    throw new NotImplementedError('MessageRouter.subscribe', `subscribe to ${eventType}`)
  }

  /** Step 6. Exactly one handler per command type: a second one throws HandlerAlreadyRegisteredError. */
  handleCommand(commandType: string, handler: CommandHandler): void {
    void handler
    throw new NotImplementedError('MessageRouter.handleCommand', `register the handler of ${commandType}`)
  }

  /** Step 6. Exactly one handler per query type. */
  handleQuery(queryType: string, handler: QueryHandler): void {
    void handler
    throw new NotImplementedError('MessageRouter.handleQuery', `register the handler of ${queryType}`)
  }

  /** Step 6. Route by kind and answer as the kind promises. */
  dispatch(message: Message): Promise<Reply> {
    void message
    return Promise.reject(new NotImplementedError('MessageRouter.dispatch', 'route the message by its kind'))
  }
}

import { EnvelopeValidationError, ROOT } from '../../src/envelope-validation-error.ts'
import { nack } from '../../src/replies.ts'
import { HandlerAlreadyRegisteredError, NoHandlerError } from '../../src/router-errors.ts'
import type {
  Command,
  CommandHandler,
  CommandReply,
  EventEnvelope,
  Message,
  MessageKind,
  Query,
  QueryHandler,
  Reply,
  RouterOptions,
  Subscriber,
} from '../../src/types.ts'

const KINDS: readonly MessageKind[] = ['event', 'command', 'query']

/** Which kind a message is, from its own fields: `eventId`/`eventType`, `commandId`/`commandType`... */
export function messageKindOf(message: unknown): MessageKind {
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    throw EnvelopeValidationError.at(ROOT, 'is not a message: it must be an object')
  const kinds = KINDS.filter(
    (kind) => Object.hasOwn(message, `${kind}Id`) || Object.hasOwn(message, `${kind}Type`),
  )
  if (kinds.length > 1)
    throw EnvelopeValidationError.at(ROOT, `is ambiguous: it has the fields of a ${kinds.join(' and a ')}`)
  const [kind] = kinds
  if (kind === undefined)
    throw EnvelopeValidationError.at(
      ROOT,
      'is not an event, a command or a query: it has no eventId, commandId or queryId',
    )
  return kind
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * One door for the three kinds of message, each answered the way its kind promises: an event is
 * fanned out to every subscriber and answered with nothing (fire-and-forget); a command goes to
 * its one handler and is answered ack or nack; a query goes to its one handler and is answered
 * with data.
 */
export class MessageRouter {
  readonly #subscribers = new Map<string, Subscriber[]>()
  readonly #commandHandlers = new Map<string, CommandHandler>()
  readonly #queryHandlers = new Map<string, QueryHandler>()
  constructor(options: RouterOptions = {}) {
    void options
  }

  subscribe(eventType: string, subscriber: Subscriber): void {
    this.#subscribers.set(eventType, [...(this.#subscribers.get(eventType) ?? []), subscriber])
  }

  handleCommand(commandType: string, handler: CommandHandler): void {
    if (this.#commandHandlers.has(commandType))
      throw new HandlerAlreadyRegisteredError('command', commandType)
    this.#commandHandlers.set(commandType, handler)
  }

  handleQuery(queryType: string, handler: QueryHandler): void {
    if (this.#queryHandlers.has(queryType)) throw new HandlerAlreadyRegisteredError('query', queryType)
    this.#queryHandlers.set(queryType, handler)
  }

  async dispatch(message: Message): Promise<Reply> {
    switch (messageKindOf(message)) {
      case 'event':
        for (const subscriber of this.#subscribers.get((message as EventEnvelope).eventType) ?? []) {
          await subscriber(message as EventEnvelope)
        }
        return { kind: 'none' }
      case 'command':
        return this.#send(message as Command)
      case 'query':
        return this.#ask(message as Query)
    }
  }

  /** Every outcome of a command is an answer: a failure is a nack with its reason, never a throw. */
  async #send(command: Command): Promise<CommandReply> {
    const handler = this.#commandHandlers.get(command.commandType)
    if (handler === undefined) return nack(new NoHandlerError('command', command.commandType).message)
    try {
      return await handler(command)
    } catch (error) {
      return nack(reasonOf(error))
    }
  }

  /** A query is answered with data; when it cannot be, the asker gets the error. */
  async #ask(query: Query): Promise<Reply> {
    const handler = this.#queryHandlers.get(query.queryType)
    if (handler === undefined) throw new NoHandlerError('query', query.queryType)
    return { kind: 'data', data: await handler(query) }
  }
}

import { MessageValidationError } from '../errors/message-validation-error.ts'
import { isPascalCase, splitPascalCase } from './pascal-case.ts'

/** Dot-separated lower-case words, as AMQP topic exchanges and our pub/sub patterns expect. */
const DOMAIN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/

/**
 * The topic for an event: `routingKeyOf('shop', 'OrderPlaced')` is `shop.order.placed`, so
 * subscribers can bind to `shop.order.*` or `shop.#`.
 */
export function routingKeyOf(domain: string, eventType: string): string {
  if (typeof domain !== 'string' || !DOMAIN.test(domain)) {
    throw MessageValidationError.at(
      'domain',
      'must be lower-case words separated by dots, e.g. shop',
      'routing key',
    )
  }
  if (!isPascalCase(eventType)) {
    throw MessageValidationError.at(
      'eventType',
      'must be a PascalCase name such as OrderPlaced',
      'routing key',
    )
  }
  const words = splitPascalCase(eventType).map((word) => word.toLowerCase())
  return [domain, ...words].join('.')
}

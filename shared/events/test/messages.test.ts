import { describe, expect, it } from 'vitest'
import {
  ack,
  createMessageFactory,
  isAck,
  MESSAGE_KINDS,
  MessageValidationError,
  messageIdOf,
  messageKindOf,
  nack,
  queryResult,
  ROOT_PATH,
} from '../src/index.ts'

describe('commands, queries and their answers', () => {
  it('ack and nack build the two command results', () => {
    expect(ack()).toStrictEqual({ status: 'ack' })
    expect(nack('out of stock')).toStrictEqual({ status: 'nack', reason: 'out of stock' })
    expect(isAck(ack())).toBe(true)
    expect(isAck(nack('no'))).toBe(false)
  })

  it('queryResult wraps the data asked for', () => {
    expect(queryResult({ total: 3 })).toStrictEqual({ data: { total: 3 } })
  })
})

describe('message kinds', () => {
  const factory = createMessageFactory({ newId: () => 'm-1' })
  const event = factory.event('OrderPlaced', {})
  const command = factory.command('PlaceOrder', {}, { commandId: 'c-1' })
  const query = factory.query('GetOrderSummary', {}, { queryId: 'q-1' })

  it('messageKindOf and messageIdOf tell messages apart', () => {
    expect([event, command, query].map(messageKindOf)).toStrictEqual(['event', 'command', 'query'])
    expect([event, command, query].map(messageIdOf)).toStrictEqual(['m-1', 'c-1', 'q-1'])
  })

  it('MESSAGE_KINDS is the seed article’s table', () => {
    expect(MESSAGE_KINDS.event).toMatchObject({
      direction: 'publisher → subscribers',
      response: 'fire-and-forget',
      idempotent: 'typically',
    })
    expect(MESSAGE_KINDS.command).toMatchObject({
      direction: 'client → service',
      response: 'ack-nack',
      idempotent: 'usually',
    })
    expect(MESSAGE_KINDS.query).toMatchObject({
      direction: 'client → service',
      response: 'data',
      idempotent: 'yes',
    })
    expect(Object.isFrozen(MESSAGE_KINDS) && Object.isFrozen(MESSAGE_KINDS.event)).toBe(true)
  })
})

describe('MessageValidationError', () => {
  it('carries the first issue as path and reason, and all issues', () => {
    const error = new MessageValidationError(
      [
        { path: 'data.orderId', reason: 'is required' },
        { path: 'version', reason: 'must be a positive integer' },
      ],
      'event',
    )
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('MessageValidationError')
    expect(error.path).toBe('data.orderId')
    expect(error.reason).toBe('is required')
    expect(error.issues).toHaveLength(2)
    expect(error.subject).toBe('event')
    expect(error.message).toBe('Invalid event at data.orderId: is required (and 1 more issue)')
    expect(Object.isFrozen(error.issues)).toBe(true)
  })

  it('MessageValidationError.at builds a single-issue error; an empty list means the root', () => {
    expect(MessageValidationError.at('version', 'is bad').message).toBe('Invalid message at version: is bad')
    expect(new MessageValidationError([]).path).toBe(ROOT_PATH)
  })
})

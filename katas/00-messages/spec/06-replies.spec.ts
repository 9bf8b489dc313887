import type { EventEnvelope } from '@eda/events'
import { deferred, flushPending } from '@eda/testkit'
import { describe, expect, it } from 'vitest'
import {
  ack,
  EnvelopeValidationError,
  HandlerAlreadyRegisteredError,
  MessageRouter,
  messageKindOf,
  NoHandlerError,
  nack,
  type Reply,
} from '#impl'
import { shopMessages } from './support/messages.ts'

describe('step 6: events, commands and queries are told apart by what they expect back', () => {
  it('tells the three kinds apart by their fields', () => {
    const { placeOrder, orderPlaced, getOrderSummary } = shopMessages()
    expect([orderPlaced('o-1'), placeOrder('o-1'), getOrderSummary('o-1')].map(messageKindOf)).toEqual([
      'event',
      'command',
      'query',
    ])
  })

  it.each([
    ['nothing of a message', { orderId: 'o-1' }],
    ['null', null],
    ['a string', 'OrderPlaced'],
    ['the fields of two kinds', { eventId: 'e-1', eventType: 'OrderPlaced', commandId: 'c-1' }],
  ])('refuses %s with EnvelopeValidationError at (root)', (_, value) => {
    let error: unknown
    try {
      messageKindOf(value)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EnvelopeValidationError)
    expect(error).toMatchObject({ path: '(root)' })
  })

  describe('an event: fire-and-forget', () => {
    it('reaches every subscriber of its type, and the publisher gets nothing back', async () => {
      const router = new MessageRouter()
      const heard: string[] = []
      router.subscribe('OrderPlaced', () => {
        heard.push('billing')
      })
      router.subscribe('OrderPlaced', () => {
        heard.push('shipping')
      })
      router.subscribe('OrderShipped', () => {
        heard.push('email')
      })
      await expect(router.dispatch(shopMessages().orderPlaced('o-1'))).resolves.toEqual({ kind: 'none' })
      await flushPending()
      expect(heard.sort()).toEqual(['billing', 'shipping'])
    })

    it('is not an error when nobody listens: a fact stays a fact', async () => {
      await expect(new MessageRouter().dispatch(shopMessages().orderPlaced('o-1'))).resolves.toEqual({
        kind: 'none',
      })
    })

    it('does not wait for subscribers: a slow one does not hold the publisher', async () => {
      const router = new MessageRouter()
      const never = deferred()
      const started = deferred()
      router.subscribe('OrderPlaced', async () => {
        started.resolve()
        await never.promise
      })
      const reply = router.dispatch(shopMessages().orderPlaced('o-1'))
      await started.promise
      let answered: Reply | undefined
      void reply.then((r) => {
        answered = r
      })
      await flushPending()
      expect(answered).toEqual({ kind: 'none' })
      never.resolve()
    })

    it('keeps a failing subscriber’s error away from the publisher, and reports it', async () => {
      const failures: Array<{ error: unknown; event: EventEnvelope }> = []
      const router = new MessageRouter({
        onSubscriberError: (error, event) => failures.push({ error, event }),
      })
      const boom = new Error('inventory is down')
      const heard: string[] = []
      router.subscribe('OrderPlaced', () => {
        throw boom
      })
      router.subscribe('OrderPlaced', () => Promise.reject(boom))
      router.subscribe('OrderPlaced', (event) => {
        heard.push(event.eventId)
      })
      const event = shopMessages().orderPlaced('o-1')
      await expect(router.dispatch(event)).resolves.toEqual({ kind: 'none' })
      await flushPending()
      expect(heard).toEqual([event.eventId])
      expect(failures).toEqual([
        { error: boom, event },
        { error: boom, event },
      ])
    })
  })

  describe('a command: ack or nack', () => {
    it('is answered by its handler: ack when accepted, nack with a reason when refused', async () => {
      const router = new MessageRouter()
      router.handleCommand('PlaceOrder', (command) =>
        (command.data as { orderId: string }).orderId === 'o-1' ? ack() : nack('out of stock'),
      )
      const { placeOrder } = shopMessages()
      await expect(router.dispatch(placeOrder('o-1'))).resolves.toEqual({ kind: 'ack' })
      await expect(router.dispatch(placeOrder('o-2'))).resolves.toEqual({
        kind: 'nack',
        reason: 'out of stock',
      })
    })

    it('waits for the handler’s answer: the sender needs to know', async () => {
      const router = new MessageRouter()
      const decision = deferred<ReturnType<typeof ack>>()
      router.handleCommand('PlaceOrder', () => decision.promise)
      const reply = router.dispatch(shopMessages().placeOrder('o-1'))
      let answered = false
      void reply.then(() => {
        answered = true
      })
      await flushPending()
      expect(answered).toBe(false)
      decision.resolve(ack())
      await expect(reply).resolves.toEqual({ kind: 'ack' })
    })

    it('turns a handler that throws or rejects into a nack with the reason, never a rejection', async () => {
      const router = new MessageRouter()
      router.handleCommand('PlaceOrder', () => {
        throw new Error('customer is blocked')
      })
      router.handleCommand('CancelOrder', () => Promise.reject(new Error('order already shipped')))
      const { factory } = shopMessages()
      await expect(router.dispatch(factory.command('PlaceOrder', {}))).resolves.toEqual({
        kind: 'nack',
        reason: 'customer is blocked',
      })
      await expect(router.dispatch(factory.command('CancelOrder', {}))).resolves.toEqual({
        kind: 'nack',
        reason: 'order already shipped',
      })
    })

    it('is refused with a nack naming the type when no handler takes it', async () => {
      const reply = await new MessageRouter().dispatch(shopMessages().placeOrder('o-1'))
      expect(reply).toMatchObject({ kind: 'nack' })
      expect((reply as { reason: string }).reason).toContain('PlaceOrder')
    })

    it('has exactly one handler: a second one is refused', () => {
      const router = new MessageRouter()
      router.handleCommand('PlaceOrder', () => ack())
      expect(() => router.handleCommand('PlaceOrder', () => ack())).toThrow(HandlerAlreadyRegisteredError)
    })

    it('never reaches an event subscriber of the same name', async () => {
      const router = new MessageRouter()
      const heard: string[] = []
      router.subscribe('PlaceOrder', (event) => {
        heard.push(event.eventId)
      })
      router.handleCommand('PlaceOrder', () => ack())
      await expect(router.dispatch(shopMessages().placeOrder('o-1'))).resolves.toEqual({ kind: 'ack' })
      await flushPending()
      expect(heard).toEqual([])
    })
  })

  describe('a query: data', () => {
    it('is answered with the data its handler returns', async () => {
      const router = new MessageRouter()
      router.handleQuery('GetOrderSummary', async (query) => ({
        orderId: (query.params as { orderId: string }).orderId,
        status: 'placed',
      }))
      await expect(router.dispatch(shopMessages().getOrderSummary('o-1'))).resolves.toEqual({
        kind: 'data',
        data: { orderId: 'o-1', status: 'placed' },
      })
    })

    it('rejects with NoHandlerError when nobody answers it', async () => {
      await expect(new MessageRouter().dispatch(shopMessages().getOrderSummary('o-1'))).rejects.toThrow(
        NoHandlerError,
      )
    })

    it('rejects with the handler’s error: there is no data to give', async () => {
      const router = new MessageRouter()
      const failure = new Error('read model is rebuilding')
      router.handleQuery('GetOrderSummary', () => {
        throw failure
      })
      await expect(router.dispatch(shopMessages().getOrderSummary('o-1'))).rejects.toBe(failure)
    })

    it('has exactly one handler: a second one is refused', () => {
      const router = new MessageRouter()
      router.handleQuery('GetOrderSummary', () => null)
      expect(() => router.handleQuery('GetOrderSummary', () => null)).toThrow(HandlerAlreadyRegisteredError)
    })
  })
})

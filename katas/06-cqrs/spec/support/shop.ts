import { createMessageFactory, type EventEnvelope, type MessageFactory, type shop } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'
import { type CommandHandler, type DecidedEvent, type OrderState, orderDecider } from '#impl'

export type OrderCommand = shop.PlaceOrder | shop.ProcessPayment | shop.ShipOrder | shop.CancelOrder

/** Builds shop commands with deterministic ids (`cmd-1`...) and a fixed clock. */
export function shopCommands(
  messages: MessageFactory = createMessageFactory({
    clock: new FakeClock().now,
    newId: sequentialIds('cmd'),
  }),
) {
  return {
    place: (
      orderId: string,
      customerId = 'cust-1',
      items = [{ sku: 'sku-1', quantity: 2, unitPrice: 10.5 }],
    ) => messages.command('PlaceOrder', { orderId, customerId, items, currency: 'USD' }) as shop.PlaceOrder,
    pay: (orderId: string, amount: number, currency = 'USD') =>
      messages.command('ProcessPayment', { orderId, amount, currency }) as shop.ProcessPayment,
    ship: (orderId: string, carrier = 'ups') =>
      messages.command('ShipOrder', { orderId, carrier }) as shop.ShipOrder,
    cancel: (orderId: string, reason = 'changed my mind') =>
      messages.command('CancelOrder', { orderId, reason }) as shop.CancelOrder,
  }
}

/** Turns decided events into envelopes, as the command handler would. */
export function envelopes(decided: readonly DecidedEvent[], cause: OrderCommand): EventEnvelope[] {
  const messages = createMessageFactory({ clock: new FakeClock().now, newId: sequentialIds('evt') })
  return decided.map((d) => messages.eventCausedBy(cause, d.type, d.data, { version: d.version ?? 1 }))
}

/** The state after these commands, each decided and folded in turn (given ... ). */
export function stateAfter(...commands: OrderCommand[]): OrderState {
  let state = orderDecider.initialState()
  for (const command of commands)
    for (const event of envelopes(orderDecider.decide(command, state), command))
      state = orderDecider.evolve(state, event)
  return state
}

/** A small shop history over several orders and customers: the projections' input. */
export async function writeShopHistory(handler: CommandHandler<OrderState, OrderCommand>): Promise<number> {
  const c = shopCommands()
  const two = [
    { sku: 'sku-2', quantity: 1, unitPrice: 5 },
    { sku: 'sku-3', quantity: 3, unitPrice: 2 },
  ]
  let last = 0
  const run = async (command: OrderCommand) => {
    const outcome = await handler.handle(`order-${command.data.orderId}`, command)
    last = outcome.lastPosition ?? last
  }
  await run(c.place('o-1', 'cust-1'))
  await run(c.place('o-2', 'cust-2', two))
  await run(c.pay('o-1', 21))
  await run(c.place('o-3', 'cust-1', two))
  await run(c.ship('o-1'))
  await run(c.cancel('o-3'))
  await run(c.pay('o-2', 11))
  await run(c.place('o-4', 'cust-3'))
  return last
}

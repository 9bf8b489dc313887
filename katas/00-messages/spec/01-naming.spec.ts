import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCommandName, isEventName } from '#impl'
import { assertProperty } from './support/property.ts'

describe('step 1: events are named in the past tense, commands in the imperative', () => {
  it.each([
    'OrderPlaced',
    'PaymentProcessed',
    'OrderShipped',
    'EmailSent',
    'InvoicePaid',
    'DownloadBegan',
    'ImageBuilt',
    'PasswordReset',
    'MessageRead',
    'DriverAcceptedRide',
    'CustomerPlacedOrder',
    'ItemAddedToCart',
    'OrderCancelledByCustomer',
    'RideOfferTimedOut',
    'UserLoggedIn',
    'ParcelPickedUp',
    'GuestCheckedInAtHotel',
    'SeedPlanted',
    'SpeedChanged',
    'APIKeyRotated',
    'S3ObjectCreated',
  ])('%s is an event name', (name) => {
    expect(isEventName(name)).toBe(true)
  })

  it.each([
    ['PlaceOrder', 'a request'],
    ['SendEmail', 'a request'],
    ['ResetPassword', 'a request: Reset is a past form too, but it opens the name'],
    ['SetPrice', 'a request: Set is a past form too, but it opens the name'],
    ['PlacedOrder', 'a noun phrase: which order was placed by whom?'],
    ['SentEmail', 'a noun phrase'],
    ['Shipped', 'no subject: what was shipped?'],
    ['OrderPlacement', 'a noun'],
    ['NewsFeed', '-ed, but a noun'],
    ['WindSpeed', '-ed, but a noun'],
    ['UserNeed', '-ed, but a noun'],
    ['Seed', '-ed, but a noun'],
    ['Red', '-ed, but an adjective'],
    ['RetryFailedPayments', 'a request about failed payments'],
    ['ShipDelayedOrders', 'a request about delayed orders'],
    ['OrderPlacedEvent', 'the kind belongs in the envelope, not the name'],
    ['OrderPlacedV2', 'the version belongs in the version field, not the name'],
  ])('%s is not an event name (%s)', (name) => {
    expect(isEventName(name)).toBe(false)
  })

  it.each([
    'PlaceOrder',
    'ProcessPayment',
    'SendEmail',
    'PayInvoice',
    'BeginDownload',
    'ResetPassword',
    'SetPrice',
    'ReadMessage',
    'AuthorizePayment',
    'AcceptRide',
    'CancelRide',
    'FeedAnimals',
    'SeedDatabase',
    'OrderPizza',
    'RetryFailedPayments',
    'ShipDelayedOrders',
  ])('%s is a command name', (name) => {
    expect(isCommandName(name)).toBe(true)
  })

  it.each([
    ['OrderPlaced', 'a fact, although Order is also a verb'],
    ['OrderShipped', 'a fact, although Order is also a verb'],
    ['PasswordReset', 'a fact'],
    ['DriverAcceptedRide', 'a fact'],
    ['PlacedOrder', 'a noun phrase'],
    ['GetOrderSummary', 'a query: it asks, it does not request a change'],
    ['Ship', 'no object: ship what?'],
    ['PlaceOrderCommand', 'the kind belongs in the envelope, not the name'],
    ['PlaceOrderV2', 'the version does not belong in the name'],
  ])('%s is not a command name (%s)', (name) => {
    expect(isCommandName(name)).toBe(false)
  })

  it.each([
    '',
    'orderPlaced',
    'order_placed',
    'ORDER_PLACED',
    'Order Placed',
    'Order-Placed',
    'Order.Placed',
    ' OrderPlaced',
    'OrderPlaced ',
    'OrderPlaced!',
    'ÜberRidePlaced',
    'placeOrder',
    'Place Order',
    'place_order',
  ])('%j is not PascalCase, so it is neither', (name) => {
    expect({ event: isEventName(name), command: isCommandName(name) }).toEqual({
      event: false,
      command: false,
    })
  })

  const subjects = ['Order', 'Payment', 'Invoice', 'Email', 'Ride', 'Password', 'Seed', 'Feed', 'Speed']
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ['Place', 'Placed'],
    ['Send', 'Sent'],
    ['Pay', 'Paid'],
    ['Begin', 'Began'],
    ['Reset', 'Reset'],
    ['Cancel', 'Cancelled'],
    ['Ship', 'Shipped'],
    ['Read', 'Read'],
    ['Build', 'Built'],
    ['Feed', 'Fed'],
  ]

  it('names every subject + past form an event, and every verb + object a command', () => {
    assertProperty(
      fc.property(fc.constantFrom(...subjects), fc.constantFrom(...pairs), (subject, [verb, past]) => {
        expect(isEventName(`${subject}${past}`), `${subject}${past}`).toBe(true)
        expect(isCommandName(`${subject}${past}`), `${subject}${past}`).toBe(false)
        expect(isCommandName(`${verb}${subject}`), `${verb}${subject}`).toBe(true)
        expect(isEventName(`${verb}${subject}`), `${verb}${subject}`).toBe(false)
      }),
    )
  })

  const words = [
    ...subjects,
    ...pairs.flat(),
    'Driver',
    'To',
    'Cart',
    'Up',
    'Get',
    'Event',
    'V2',
    'API',
    'S3',
  ]

  it('never calls one name both an event and a command', () => {
    assertProperty(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), (parts) => {
        const name = parts.join('')
        expect(isEventName(name) && isCommandName(name), name).toBe(false)
      }),
    )
  })

  it('never accepts a name that does not start with a capital letter', () => {
    assertProperty(
      fc.property(
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_ -'),
        fc.array(fc.constantFrom(...words), { maxLength: 3 }),
        (first, parts) => {
          const name = first + parts.join('')
          expect(isEventName(name), name).toBe(false)
          expect(isCommandName(name), name).toBe(false)
        },
      ),
    )
  })
})

import { describe, expect, it } from 'vitest'
import {
  isPascalCase,
  looksImperative,
  looksPastTense,
  MessageValidationError,
  routingKeyOf,
  splitPascalCase,
} from '../src/index.ts'

describe('isPascalCase and splitPascalCase', () => {
  it.each(['OrderPlaced', 'A', 'S3ObjectCreated', 'APIKeyRotated', 'Oauth2TokenIssued'])(
    '%s is PascalCase',
    (name) => {
      expect(isPascalCase(name)).toBe(true)
    },
  )

  it.each([
    '',
    'orderPlaced',
    'Order Placed',
    'Order-Placed',
    'Order_Placed',
    '1Order',
    'ÜberOrder',
    42,
    null,
  ])('%j is not PascalCase', (name) => {
    expect(isPascalCase(name)).toBe(false)
  })

  it.each([
    ['OrderPlaced', ['Order', 'Placed']],
    ['APIKeyRotated', ['API', 'Key', 'Rotated']],
    ['HTTPRequestSent', ['HTTP', 'Request', 'Sent']],
    ['S3ObjectCreated', ['S3', 'Object', 'Created']],
    ['MP3PlayerStarted', ['MP3', 'Player', 'Started']],
    ['Oauth2TokenIssued', ['Oauth2', 'Token', 'Issued']],
    ['ABC', ['ABC']],
    ['not pascal', []],
  ])('splits %s into words', (name, words) => {
    expect(splitPascalCase(name)).toStrictEqual(words)
  })
})

describe('looksPastTense', () => {
  it.each([
    'OrderPlaced',
    'PaymentProcessed',
    'OrderShipped',
    'EmailSent',
    'InvoicePaid',
    'DownloadBegan',
    'ImageBuilt',
    'FundsHeld',
    'PaymentMade',
    'SeatTaken',
    'PasswordReset',
    'HouseRebuilt',
    'ConsentWithheld',
    'Shipped',
    'RideOfferTimedOut',
    'UserLoggedIn',
    'ParcelPickedUp',
    'ItemAddedToCart',
    'GuestCheckedInAtHotel',
    'DriverLocationUpdated',
    'APIKeyRotated',
    'DriverAcceptedRide',
    'CustomerPlacedOrder',
  ])('%s reads as a fact', (name) => {
    expect(looksPastTense(name)).toBe(true)
  })

  it.each([
    'PlaceOrder',
    'ProcessPayment',
    'OrderPlacement',
    'NewsFeed',
    'WindSpeed',
    'UserNeed',
    'OrderPlacedEvent',
    'PlacedOrder',
    'RetryFailedPayments',
    'SetPrice',
    'Order',
    'Red',
    'order placed',
    '',
  ])('%s does not', (name) => {
    expect(looksPastTense(name)).toBe(false)
  })
})

describe('looksImperative', () => {
  it.each([
    'PlaceOrder',
    'CancelOrder',
    'ShipOrder',
    'AuthorizePayment',
    'AuthorisePayment',
    'NotifyCustomer',
    'ActivateAccount',
    'SetPrice',
    'ResetPassword',
    'FeedAnimals',
    'EmbedVideo',
    'GetOrderSummary',
    'Ship',
    'RetryFailedPayments',
    'ShipDelayedOrders',
  ])('%s reads as a request', (name) => {
    expect(looksImperative(name)).toBe(true)
  })

  it.each([
    'OrderPlaced',
    'PlacedOrder',
    'SentEmail',
    'PaymentAuthorize',
    'Payment',
    'ShipmentCreation',
    'ProcessingPayment',
    'CandidateInterview',
    'Frobnicator',
    'placeOrder',
    '',
  ])('%s does not', (name) => {
    expect(looksImperative(name)).toBe(false)
  })
})

describe('routingKeyOf', () => {
  it.each([
    ['shop', 'OrderPlaced', 'shop.order.placed'],
    ['rides', 'DriverLocationUpdated', 'rides.driver.location.updated'],
    ['shop', 'APIKeyRotated', 'shop.api.key.rotated'],
    ['eu.shop', 'ItemAddedToCart', 'eu.shop.item.added.to.cart'],
  ])('(%s, %s) is %s', (domain, eventType, key) => {
    expect(routingKeyOf(domain, eventType)).toBe(key)
  })

  it('rejects a domain or event type it cannot turn into words', () => {
    expect(() => routingKeyOf('Shop', 'OrderPlaced')).toThrow(MessageValidationError)
    expect(() => routingKeyOf('', 'OrderPlaced')).toThrow(/domain/)
    expect(() => routingKeyOf('shop', 'order.placed')).toThrow(/eventType/)
  })
})

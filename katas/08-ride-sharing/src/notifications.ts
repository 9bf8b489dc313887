import { NotImplementedError } from '@eda/testkit'
import type { Channel } from 'amqplib'
import type { SagaMessage } from './booking-saga.ts'

/** A message for one person's phone: who, what, about which ride. */
export interface Notification {
  readonly audience: 'rider' | 'driver'
  readonly recipientId: string
  readonly kind: string
  readonly rideId: string
}

/**
 * Step 7: who hears about a saga message. The driver hears of an offer and a confirmation; the
 * rider of a confirmation, a cancellation and a released payment hold. Everything else: nobody.
 */
export function notificationsFor(message: SagaMessage, _riderId: string): Notification[] {
  throw new NotImplementedError('notificationsFor', `decide who hears about ${message.type} (step 7)`)
}

/** The routing key of a notification: `<audience>.<recipientId>.<kind>`. */
export function routingKeyOf(_notification: Notification): string {
  throw new NotImplementedError('routingKeyOf', 'build the routing key of a notification (step 7)')
}

/**
 * Step 7: publishes notifications on a RabbitMQ topic exchange, routed by audience, recipient and
 * kind, so each subscriber binds the pattern it needs (`rider.r1.#`, `driver.*.ride-offered`, `#`).
 */
export class RideNotifier {
  /** Keep the channel and exchange; the constructor must not throw. */
  constructor(channel: Channel, exchange: string) {
    void channel
    void exchange
  }

  /** Declares the topic exchange (idempotent). */
  setup(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('RideNotifier.setup', 'declare the topic exchange (step 7)'),
    )
  }

  notify(_notification: Notification): void {
    throw new NotImplementedError(
      'RideNotifier.notify',
      'publish the notification with its routing key (step 7)',
    )
  }
}

export interface NotificationSubscription {
  readonly queue: string
  close(): Promise<void>
}

/**
 * Step 7: a subscriber with a queue of its own (exclusive, deleted when it closes), bound to
 * `pattern`: every subscriber gets its own copy of every matching notification.
 */
export function subscribeNotifications(
  _channel: Channel,
  _exchange: string,
  _pattern: string,
  _handler: (notification: Notification) => void,
): Promise<NotificationSubscription> {
  return Promise.reject(
    new NotImplementedError(
      'subscribeNotifications',
      'bind a queue of its own to the pattern and consume (step 7)',
    ),
  )
}

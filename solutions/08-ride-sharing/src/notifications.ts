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
export function notificationsFor(message: SagaMessage, riderId: string): Notification[] {
  const { rideId } = message
  switch (message.type) {
    case 'DriverAssigned':
      return [{ audience: 'driver', recipientId: message.driverId, kind: 'ride-offered', rideId }]
    case 'RideConfirmed':
      return [
        { audience: 'rider', recipientId: riderId, kind: 'driver-on-the-way', rideId },
        { audience: 'driver', recipientId: message.driverId, kind: 'ride-confirmed', rideId },
      ]
    case 'RideCancelled':
      return [{ audience: 'rider', recipientId: riderId, kind: 'ride-cancelled', rideId }]
    case 'PaymentVoided':
      return [{ audience: 'rider', recipientId: riderId, kind: 'payment-released', rideId }]
    default:
      return []
  }
}

/** The routing key of a notification: `<audience>.<recipientId>.<kind>`. */
export function routingKeyOf(notification: Notification): string {
  return `${notification.audience}.${notification.recipientId}.${notification.kind}`
}

/**
 * Step 7: publishes notifications on a RabbitMQ topic exchange, routed by audience, recipient and
 * kind, so each subscriber binds the pattern it needs (`rider.r1.#`, `driver.*.ride-offered`, `#`).
 */
export class RideNotifier {
  readonly #channel: Channel
  readonly #exchange: string

  constructor(channel: Channel, exchange: string) {
    this.#channel = channel
    this.#exchange = exchange
  }

  /** Declares the topic exchange (idempotent). */
  async setup(): Promise<void> {
    await this.#channel.assertExchange(this.#exchange, 'topic', { durable: true })
  }

  notify(notification: Notification): void {
    this.#channel.publish(
      this.#exchange,
      routingKeyOf(notification),
      Buffer.from(JSON.stringify(notification)),
      {
        contentType: 'application/json',
      },
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
export async function subscribeNotifications(
  channel: Channel,
  exchange: string,
  pattern: string,
  handler: (notification: Notification) => void,
): Promise<NotificationSubscription> {
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true })
  await channel.bindQueue(queue, exchange, pattern)
  const { consumerTag } = await channel.consume(
    queue,
    (message) => {
      if (message === null) return
      handler(JSON.parse(message.content.toString('utf8')) as Notification)
    },
    { noAck: true },
  )
  return {
    queue,
    close: async () => {
      await channel.cancel(consumerTag)
      await channel.deleteQueue(queue)
    },
  }
}

import { type Command, causedBy, createMessageFactory } from '@eda/events'
import { declareQueue, openChannel, type useCleanup } from '@eda/testkit/services'
import type { Channel, ChannelModel } from 'amqplib'
import { type DriverPool, decodeCommand, encode } from '#impl'

/**
 * Payment, dispatch and the driver app as RabbitMQ consumers: each consumes its commands from
 * its own queue and answers with events on the exchange. They record every delivery they get.
 */
export async function startParticipants(
  connection: ChannelModel,
  exchange: string,
  pool: DriverPool,
  cleanup: ReturnType<typeof useCleanup>,
  /** Whether the driver accepts an offer (default: every driver does). */
  accepts: (driverId: string) => boolean = () => true,
) {
  const received: Command[] = []
  const messages = createMessageFactory()
  const channel: Channel = await openChannel(connection)
  const reply = (cause: Command, type: string, data: Record<string, unknown>) => {
    const { content, options } = encode({
      kind: 'event',
      message: messages.event(type, data, causedBy(cause)),
    })
    channel.publish(exchange, `event.${type}`, content, options)
  }
  const handlers: Record<string, (command: Command, data: Record<string, unknown>) => Promise<void>> = {
    AuthorizePayment: async (command, data) => {
      reply(command, 'PaymentAuthorized', {
        rideId: data.rideId,
        authorizationId: `auth-${String(data.rideId)}`,
        amount: data.amount,
        currency: data.currency,
      })
    },
    AssignDriver: async (command, data) => {
      const rideId = String(data.rideId)
      const driverId = await pool.assign(rideId, data.excludedDriverIds as string[])
      if (driverId === null) reply(command, 'NoDriverAvailable', { rideId })
      else reply(command, 'DriverAssigned', { rideId, driverId })
    },
    OfferRide: async (command, data) => {
      const answer = accepts(String(data.driverId)) ? 'DriverAcceptedRide' : 'DriverDeclinedRide'
      reply(command, answer, { rideId: data.rideId, driverId: data.driverId })
    },
    ReleaseDriver: async (_command, data) => {
      await pool.release(String(data.driverId), String(data.rideId))
    },
    VoidPaymentAuthorization: async () => undefined,
  }
  for (const [commandType, handle] of Object.entries(handlers)) {
    const queue = await declareQueue(connection, { prefix: `sagas-${commandType}`, cleanup })
    await channel.bindQueue(queue, exchange, `command.${commandType}`)
    await channel.consume(queue, (msg) => {
      if (msg === null) return
      const command = decodeCommand(msg.content)
      received.push(command)
      void handle(command, command.data as Record<string, unknown>).then(
        () => channel.ack(msg),
        () => channel.nack(msg, false, true),
      )
    })
  }
  return {
    received,
    commands: (type: string) => received.filter((c) => c.commandType === type),
  }
}

import { createMessageFactory, type EventEnvelope } from '@eda/events'
import { FakeClock, sequentialIds } from '@eda/testkit'
import {
  type Dispatch,
  type OutgoingMessage,
  type RideSagaConfig,
  type RideSagaInput,
  type RideSagaState,
  rideBookingSaga,
  type SagaOutput,
} from '#impl'

export const CONFIG: RideSagaConfig = {
  maxDriverAttempts: 3,
  offerTimeoutMs: 30_000,
  paymentTimeoutMs: 60_000,
  hold: { amount: 25, currency: 'USD' },
}

/** The saga's inputs, with deterministic ids (`in-1`...) and every message of a ride correlated to it. */
export function rideInputs(prefix = 'in') {
  const messages = createMessageFactory({ clock: new FakeClock().now, newId: sequentialIds(prefix) })
  const on = (rideId: string) => ({ correlationId: `corr-${rideId}` })
  const event = (type: string, data: Record<string, unknown>) =>
    messages.event(type, data, on(data.rideId as string)) as EventEnvelope
  return {
    requested: (rideId: string, riderId = 'rider-1') =>
      event('RideRequested', {
        rideId,
        riderId,
        pickup: { lat: 52.52, lng: 13.4 },
        dropoff: { lat: 52.5, lng: 13.45 },
      }),
    authorized: (rideId: string, authorizationId = `auth-${rideId}`) =>
      event('PaymentAuthorized', { rideId, authorizationId, amount: 25, currency: 'USD' }),
    authorizationFailed: (rideId: string, reason = 'card declined') =>
      event('PaymentAuthorizationFailed', { rideId, reason }),
    paymentTimedOut: (rideId: string) => event('PaymentAuthorizationTimedOut', { rideId }),
    assigned: (rideId: string, driverId: string) => event('DriverAssigned', { rideId, driverId }),
    noDriver: (rideId: string) => event('NoDriverAvailable', { rideId }),
    accepted: (rideId: string, driverId: string) => event('DriverAcceptedRide', { rideId, driverId }),
    declined: (rideId: string, driverId: string) =>
      event('DriverDeclinedRide', { rideId, driverId, reason: 'too far' }),
    offerTimedOut: (rideId: string, driverId: string) => event('RideOfferTimedOut', { rideId, driverId }),
    cancellation: (rideId: string, reason = 'changed plans') =>
      event('RideCancellationRequested', { rideId, reason }),
    compensationFailed: (rideId: string, commandType: string, error: string) =>
      event('CompensationFailed', { rideId, commandType, commandId: 'cmd-x', error }),
  }
}

/** Given these inputs (folded with evolve), when this one arrives: what does the saga decide? */
export function given(...history: RideSagaInput[]) {
  const saga = rideBookingSaga(CONFIG)
  const state = history.reduce((s, input) => saga.evolve(s, input), saga.initialState())
  return {
    state,
    when: (input: RideSagaInput): { outputs: SagaOutput[]; next: RideSagaState } => ({
      outputs: saga.decide(input, state),
      next: saga.evolve(state, input),
    }),
  }
}

export const command = (type: string, data: Record<string, unknown>) => ({ kind: 'command', type, data })
export const event = (type: string, data: Record<string, unknown>) => ({ kind: 'event', type, data })
export const cancelTimeout = (timeoutId: string) => ({ kind: 'cancel-timeout', timeoutId })

/** A participant stand-in: records what the saga sends; `fail` makes some sends reject. */
export class Recorder {
  readonly sent: OutgoingMessage[] = []
  readonly attempts: OutgoingMessage[] = []
  fail: (outgoing: OutgoingMessage) => boolean = () => false

  readonly dispatch: Dispatch = async (outgoing) => {
    this.attempts.push(outgoing)
    if (this.fail(outgoing)) throw new Error(`${typeOf(outgoing)} could not be delivered`)
    this.sent.push(outgoing)
  }

  types(): string[] {
    return this.sent.map(typeOf)
  }

  find(type: string): OutgoingMessage[] {
    return this.sent.filter((o) => typeOf(o) === type)
  }
}

export const typeOf = (o: OutgoingMessage) =>
  o.kind === 'command' ? o.message.commandType : o.message.eventType

export const idOf = (o: OutgoingMessage) => (o.kind === 'command' ? o.message.commandId : o.message.eventId)

/** Each message once, by id: an outbox delivers at least once, and a repeat is not a new decision. */
export const distinctMessages = (sent: readonly OutgoingMessage[]): OutgoingMessage[] =>
  sent.filter((o, i) => sent.findIndex((other) => idOf(other) === idOf(o)) === i)

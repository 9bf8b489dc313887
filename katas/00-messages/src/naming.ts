import { NotImplementedError } from '@eda/testkit'
// The word lists are given: the exercise is the rule. See README "Step 1" for the cases to handle.
// import { BASE_VERBS, IRREGULAR_PAST, NOT_PAST_ED, PARTICLES, PREPOSITIONS } from './word-lists.ts'

/**
 * Step 1. Does `name` read as an event, a fact in the past tense? `OrderPlaced`, `EmailSent`,
 * `DriverAcceptedRide`, `ItemAddedToCart`, `RideOfferTimedOut` do; `PlaceOrder`, `PlacedOrder`,
 * `NewsFeed`, `OrderPlacedEvent`, `OrderPlacedV2`, `orderPlaced` and `''` do not.
 */
export function isEventName(name: string): boolean {
  throw new NotImplementedError('isEventName', `decide whether "${name}" names a fact in the past tense`)
}

/**
 * Step 1. Does `name` read as a command, a request in the imperative? `PlaceOrder`, `ResetPassword`,
 * `FeedAnimals` do; `OrderPlaced`, `GetOrderSummary` (a query), `Ship` (ship what?) do not.
 */
export function isCommandName(name: string): boolean {
  throw new NotImplementedError('isCommandName', `decide whether "${name}" names a request in the imperative`)
}

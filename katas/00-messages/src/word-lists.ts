/** A set of lower-case words written as one whitespace-separated block, to keep the lists readable. */
function wordSet(block: string): ReadonlySet<string> {
  return new Set(block.split(/\s+/).filter((word) => word !== ''))
}

/*
 * The word lists behind step 1's naming checks, given complete: the exercise is the rule, not the
 * vocabulary. They are small on purpose: the goal is to catch `PlaceOrder` used as an event name
 * or `OrderPlaced` as a command, not to parse English. Every word is lower case.
 */

/**
 * Irregular past forms (`sent`, `paid`, `began`), including those spelled like the base form
 * (`set`, `reset`, `read`, `cut`): `PasswordReset` is a fact, `ResetPassword` a request.
 */
export const IRREGULAR_PAST = wordSet(`
  ate began begun bent bet bid bit blew blown bore born bought bound bred broke broken brought
  built burnt came cast caught chose chosen cost crept cut dealt did done drank drawn drew driven
  drove dug eaten fed fell felt fled flew flown forgave forgiven forgot forgotten fought found froze
  frozen gave given gone got gotten grew grown had heard held hid hidden hit hung hurt kept knew
  known laid led left lent let lit lost made meant met overpaid paid prepaid put quit ran rang read
  rebuilt repaid reset resent resold ridden rode rose risen said sang sank sat saw seen sent set
  shaken shook shot shown shut slept slid sold sought sped spent split spoke spoken spread sprang
  stood stole stolen struck stuck swept swore sworn swung taken taught thought threw thrown told
  took tore torn underpaid understood undone upheld upset went withdrawn withdrew withheld woke
  woken won wore worn wound written wrote
`)

/** Words that end in -ed but are not past forms: nouns, adjectives, verbs in their base form. */
export const NOT_PAST_ED = wordSet(`
  bed bleed breed creed deed embed exceed feed greed hatred heed hundred infrared kindred need
  proceed red reed sacred seed shed shred sled speed steed succeed tweed weed wed
`)

/**
 * Verbs in their base form that start a command (`PlaceOrder`, `AuthorizePayment`). Query verbs
 * (get, find, list, search, fetch, count, lookup) are left out on purpose: a query asks, it does
 * not request a change, so `GetOrderSummary` is not a command name.
 */
export const BASE_VERBS = wordSet(`
  accept acknowledge activate add adjust allocate apply approve archive assign attach authorise
  authorize begin block book build buy calculate cancel capture change charge check checkout claim
  close collect complete confirm create credit cut deactivate debit decline delete deliver deposit
  disable dispatch drop edit embed enable end enrol enroll execute extend feed fix freeze fulfil
  fulfill generate grant hold import increase invite invoice issue join lock log mark merge move
  notify offer open order pause pay place post print process publish purchase put quit rate read
  record redeem refund register reject release remove rename renew request reschedule reserve reset
  resend resolve restart restore resume retry return revoke rotate run save schedule seed send set
  settle ship shut sign split spread start stop submit subscribe suspend switch sync track transfer
  trigger unblock unlock unsubscribe update upgrade upload validate verify void withdraw write
`)

/** May follow the past verb of an event, alone: `RideOfferTimedOut`, `UserLoggedIn`, `ParcelPickedUp`. */
export const PARTICLES = wordSet(`
  away back down in off on out over through up
`)

/** May open a phrase after the past verb of an event: `ItemAddedToCart`, `OrderCancelledByCustomer`. */
export const PREPOSITIONS = wordSet(`
  at by for from in into of on onto to via with within without
`)

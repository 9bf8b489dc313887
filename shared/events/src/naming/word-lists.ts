/** A set of lower-case words written as one whitespace-separated block, to keep the lists readable. */
function wordSet(block: string): ReadonlySet<string> {
  return new Set(block.split(/\s+/).filter((word) => word !== ''))
}

/**
 * Word lists behind the naming heuristics. They are deliberately small and readable: the goal is
 * to catch `PlaceOrder` used as an event name or `OrderPlaced` as a command, not to parse English.
 */

/** Irregular past forms (and forms that are the same in base and past, such as Set or Reset). */
export const IRREGULAR_PAST = wordSet(`
  ate arose arisen awoke awoken beat beaten became began begun bent bet bid bit bitten bled blew
  blown bore born borne bought bound bred broadcast broke broken brought built burnt came cast
  caught chose chosen clung cost crept cut dealt did done drank drawn dreamt drew driven drove
  drunk dug dwelt eaten fallen fed fell felt fled flew flown flung forecast forgave forgiven
  forgot forgotten fought found froze frozen gave given gone got gotten grew grown had heard held
  hid hidden hit hung hurt kept knelt knew known laid leapt learnt led left lent let lit lost made
  meant met paid put quit ran rang read rode ridden risen rose rung said sang sank sat saw seen
  sent set sewn shaken shook shot shown shrank shrunk shut slept slid sold sought sped spelt spent
  spilt split spoke spoken spread sprang sprung spun stole stolen stood struck stuck stung swam
  swept swore sworn swum swung taken taught thought threw thrown told took tore torn upset went
  wept woke woken won wore worn wound written wrote
`)

/** Irregular forms above that are also the base form, so may start a command (`SetPrice`). */
export const BASE_AND_PAST = wordSet(`
  beat bet bid broadcast cast cost cut forecast hit hurt let put quit read set shut split spread
  upset wound
`)

/** Prefixes that keep an irregular form past: Rebuilt, Repaid, Prepaid, Withheld, Understood. */
export const PAST_PREFIXES = ['re', 'un', 'pre', 'mis', 'over', 'under', 'out', 'up', 'with', 'fore']

/** Words ending in -ed that are not past tense (nouns, or verbs in their base form). */
export const NOT_PAST_ED = wordSet(`
  bed bleed breed creed deed embed exceed feed greed hatred heed hundred infrared kindred med need
  proceed red reed sacred seed shed shred sled speed steed succeed ted tweed weed wed
`)

/** May follow the past verb of an event: `TimedOut`, `PickedUp`, `LoggedIn`. */
export const PARTICLES = wordSet(`
  away back down in off on out over through up
`)

/** May open a phrase after the past verb: `ItemAddedToCart`, `RideAssignedByDispatcher`. */
export const PREPOSITIONS = wordSet(`
  across after at before between by during for from in into of on onto to under via with within
  without
`)

/** Verbs whose base form starts commands and queries. Words with a verb suffix need not be listed. */
export const KNOWN_VERBS = wordSet(`
  abandon abort accept ack acknowledge add adjust admit allow amend answer append apply approve
  archive ask assign attach audit authenticate ban begin bid bill block book boot bring build buy
  calculate call cancel capture change charge check checkout choose claim clear close collect
  comment commit compensate complete compute confirm connect copy correct count create credit
  debit decline decrease decrement delete deliver deny deposit deregister detach disable discard
  disconnect dismiss dispatch display do document download drop edit embed emit enable end enrol
  enroll enter escalate evict exchange execute expire export extend feed fetch file fill filter
  find finish fire fix flag follow forward freeze fulfil fulfill get give grant handle hide hire
  hold implement import increase increment insert invite invoice issue join keep kick label launch
  lease leave like link list load lock log login logout look lookup make mark merge migrate modify
  move mute notify offer onboard open order pack patch pause pay pick ping place post print
  process proceed promote provision publish purchase push put query queue raise rate read rebuild
  receive record redeem redo reduce refresh refund register reject release reload remind remove
  rename renew rent reopen replace replay reply report request reschedule reserve reset resend
  resolve restart restore resume retry return revert review revoke rollback rotate route run save
  scale schedule search seed select sell send set settle share ship show shred shut sign skip
  snapshot sort split start stop store submit subscribe suspend swap switch sync tag take tip top
  track trade transfer trigger undo unblock unfollow unlink unlock unmute unpublish unsubscribe
  untag update upload upsert use validate verify view void watch withdraw write
`)

/** Suffixes that make a word a verb in its base form (Authorize, Notify, Activate). */
export const VERB_SUFFIXES = ['ize', 'ise', 'ify', 'ate']

/** Words with a verb suffix that are usually nouns or adjectives, so cannot start a command. */
export const NOT_VERBS = wordSet(`
  candidate certificate climate corporate enterprise estate expertise franchise gate plate premise
  private rate senate state template date size prize
`)

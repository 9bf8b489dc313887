import { BASE_VERBS, IRREGULAR_PAST, NOT_PAST_ED, PARTICLES, PREPOSITIONS } from './word-lists.ts'

/** ASCII letters and digits, starting with a capital: `OrderPlaced`, `S3ObjectCreated`. */
const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/
/** Acronyms stay whole (`APIKeyRotated` → API, Key, Rotated); digits stick to the word before. */
const WORD = /[A-Z]{2,}[0-9]*(?=[A-Z][a-z]|$)|[A-Z][a-z]*[0-9]*|[0-9]+/g
/** `V2` at the end of a name: the version belongs in the envelope's `version` field. */
const VERSION_TAG = /^v[0-9]+$/

/** The lower-case words of a PascalCase name; none when it is not PascalCase. */
function wordsOf(name: string): string[] {
  if (typeof name !== 'string' || !PASCAL_CASE.test(name)) return []
  return (name.match(WORD) ?? []).map((word) => word.toLowerCase())
}

function isPastTense(word: string): boolean {
  if (NOT_PAST_ED.has(word)) return false
  return IRREGULAR_PAST.has(word) || (word.length >= 4 && word.endsWith('ed'))
}

/** A name that carries its kind (`OrderPlacedEvent`) or its version (`OrderPlacedV2`). */
function isLabelled(words: readonly string[], kind: 'event' | 'command'): boolean {
  const last = words.at(-1) ?? ''
  return last === kind || VERSION_TAG.test(last)
}

/**
 * A fact: a subject, then its last past-tense verb, then nothing, particles (`TimedOut`), a
 * prepositional phrase (`AddedToCart`) or an object (`DriverAcceptedRide`). With an object, a
 * name that opens with a verb is a request about something past (`RetryFailedPayments`).
 */
export function isEventName(name: string): boolean {
  const words = wordsOf(name)
  if (words.length < 2 || isLabelled(words, 'event')) return false
  const verbAt = words.findLastIndex(isPastTense)
  if (verbAt < 1) return false
  const tail = words.slice(verbAt + 1)
  if (tail.every((word) => PARTICLES.has(word))) return true
  if (tail.length >= 2 && PREPOSITIONS.has(tail[0]!)) return true
  return !BASE_VERBS.has(words[0]!)
}

/** A request: a verb in its base form, then what it acts on, and not readable as a fact. */
export function isCommandName(name: string): boolean {
  const words = wordsOf(name)
  if (words.length < 2 || isLabelled(words, 'command')) return false
  return BASE_VERBS.has(words[0]!) && !isEventName(name)
}

import { splitPascalCase } from './pascal-case.ts'
import { isBaseFormVerb, isPastTenseWord } from './word-forms.ts'
import { PARTICLES, PREPOSITIONS } from './word-lists.ts'

/**
 * Heuristic for "names a fact". The last past-tense verb may end the name (`OrderPlaced`), be
 * followed by a particle or a short phrase (`RideOfferTimedOut`, `ItemAddedToCart`), or sit
 * between a subject and an object (`DriverAcceptedRide`), unless the name opens with a verb
 * (`RetryFailedPayments` is a request about failed payments).
 */
export function looksPastTense(name: string): boolean {
  const words = splitPascalCase(name)
  let verbAt = -1
  words.forEach((word, index) => {
    if (isPastTenseWord(word)) verbAt = index
  })
  if (verbAt < 0) return false
  const rest = words.slice(verbAt + 1).map((word) => word.toLowerCase())
  while (rest.length > 0 && PARTICLES.has(rest[0]!) && (rest.length === 1 || !PREPOSITIONS.has(rest[0]!))) {
    rest.shift()
  }
  if (rest.length === 0) return true
  if (PREPOSITIONS.has(rest[0]!) && rest.length >= 2) return true
  return verbAt >= 1 && !isBaseFormVerb(words[0]!)
}

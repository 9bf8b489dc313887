import { splitPascalCase } from './pascal-case.ts'
import { looksPastTense } from './past-tense.ts'
import { isBaseFormVerb } from './word-forms.ts'

/**
 * Heuristic for "asks for something": the name starts with a verb in its base form and does not
 * read as a fact (`PlaceOrder`, `AuthorizePayment`; not `OrderPlaced`, `PlacedOrder`, `Payment`).
 */
export function looksImperative(name: string): boolean {
  const first = splitPascalCase(name)[0]
  return first !== undefined && isBaseFormVerb(first) && !looksPastTense(name)
}

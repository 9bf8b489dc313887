import {
  BASE_AND_PAST,
  IRREGULAR_PAST,
  KNOWN_VERBS,
  NOT_PAST_ED,
  NOT_VERBS,
  PAST_PREFIXES,
  VERB_SUFFIXES,
} from './word-lists.ts'

/** One word in a past form: regular -ed (not `Feed`, `Speed`) or irregular (`Sent`, `Rebuilt`). */
export function isPastTenseWord(word: string): boolean {
  const lower = word.toLowerCase()
  if (NOT_PAST_ED.has(lower)) return false
  if (IRREGULAR_PAST.has(lower)) return true
  if (lower.length >= 4 && lower.endsWith('ed')) return true
  return PAST_PREFIXES.some((prefix) => {
    const rest = lower.slice(prefix.length)
    return lower.startsWith(prefix) && rest.length >= 3 && IRREGULAR_PAST.has(rest)
  })
}

/** One word that reads as a verb in its base form: a known verb, or a verb suffix (Authorize). */
export function isBaseFormVerb(word: string): boolean {
  const lower = word.toLowerCase()
  if (KNOWN_VERBS.has(lower) || BASE_AND_PAST.has(lower)) return true
  if (isPastTenseWord(lower) || NOT_VERBS.has(lower)) return false
  return VERB_SUFFIXES.some((suffix) => lower.length > suffix.length + 2 && lower.endsWith(suffix))
}

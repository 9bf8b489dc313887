/** `"2"` and `"2.0"` are how the seed and some brokers write versions; `"2.1"` is not an integer. */
const VERSION_STRING = /^[1-9][0-9]{0,15}(?:\.0+)?$/

/** The schema version as a positive safe integer, or `undefined` when `input` is not one. */
export function normaliseVersion(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isSafeInteger(input) && input >= 1 ? input : undefined
  if (typeof input !== 'string' || input.length > 40 || !VERSION_STRING.test(input)) return undefined
  const version = Number.parseInt(input, 10)
  return Number.isSafeInteger(version) ? version : undefined
}

export const VERSION_RULE = 'must be a positive integer (or a string such as "2" or "2.0")'

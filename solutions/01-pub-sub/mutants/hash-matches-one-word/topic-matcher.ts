import { InvalidTopicError } from '../../src/invalid-topic-error.ts'

const words = (value: string, kind: 'pattern' | 'topic'): string[] => {
  if (typeof value !== 'string' || value === '')
    throw new InvalidTopicError(String(value), kind, 'it is empty')
  const parts = value.split('.')
  if (parts.some((w) => w === '')) throw new InvalidTopicError(value, kind, 'it has an empty word')
  for (const w of parts) {
    const wild = w.includes('*') || w.includes('#')
    if (kind === 'topic' && wild) throw new InvalidTopicError(value, kind, 'a topic cannot contain * or #')
    if (kind === 'pattern' && wild && w.length > 1)
      throw new InvalidTopicError(
        value,
        kind,
        `"${w}" mixes a wildcard with letters; a wildcard is a whole word`,
      )
  }
  return parts
}

/** Throws `InvalidTopicError` unless `pattern` is a valid subscription pattern. */
export function assertValidPattern(pattern: string): void {
  words(pattern, 'pattern')
}

/** Throws `InvalidTopicError` unless `topic` is a valid topic to publish on (no wildcards). */
export function assertValidTopic(topic: string): void {
  words(topic, 'topic')
}

/**
 * AMQP topic semantics: `*` is exactly one word, `#` is zero or more words.
 * Matched word by word with memoisation, so `#.#.#` patterns stay linear-ish, not exponential.
 */
export function topicMatches(pattern: string, topic: string): boolean {
  const p = words(pattern, 'pattern')
  const t = words(topic, 'topic')
  const memo = new Map<number, boolean>()
  const match = (i: number, j: number): boolean => {
    const key = i * (t.length + 1) + j
    const known = memo.get(key)
    if (known !== undefined) return known
    let result: boolean
    if (i === p.length) result = j === t.length
    else if (p[i] === '#') result = j < t.length && match(i + 1, j + 1)
    else result = j < t.length && (p[i] === '*' || p[i] === t[j]) && match(i + 1, j + 1)
    memo.set(key, result)
    return result
  }
  return match(0, 0)
}

import { NotImplementedError } from '@eda/testkit'

/**
 * Step 1. Does the subscription `pattern` match the `topic` an event was published on?
 * Words are separated by dots; in a pattern `*` stands for exactly one word and `#` for zero or
 * more words (RabbitMQ's topic exchange rules). Throw `InvalidTopicError` for an empty value, an
 * empty word (`shop..order`), a wildcard inside a word (`ord*`), or a wildcard in a topic.
 */
export function topicMatches(pattern: string, topic: string): boolean {
  throw new NotImplementedError('topicMatches', `decide whether "${pattern}" matches "${topic}"`)
}

import { randomBytes } from 'node:crypto'

/**
 * A name no other test uses (topic, group, queue, exchange, schema): specs share one broker and
 * must not depend on its being empty or on each other's order. Lower-case, safe in every broker.
 */
export function uniqueName(prefix: string): string {
  return `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
}

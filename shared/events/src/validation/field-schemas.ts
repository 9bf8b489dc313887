import { z } from 'zod'
import { isPlainObject } from '../json/is-plain-object.ts'
import type { JsonValue, Metadata } from '../json/json-value.ts'
import { PASCAL_CASE } from '../naming/pascal-case.ts'
import { isUtcTimestamp, TIMESTAMP_EXAMPLE } from './timestamp.ts'
import { normaliseVersion, VERSION_RULE } from './version.ts'

// Field values reach these schemas already copied as JSON (see read-message-fields.ts), so the
// schemas only judge shape; missing required fields arrive as `undefined`.

const string = (expected: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${expected}`) })

export const idSchema = string('a string').min(1, 'must not be empty')

export const typeNameSchema = string('a string').regex(
  PASCAL_CASE,
  'must be a PascalCase name (letters and digits, starting with a capital), e.g. OrderPlaced',
)

export const timestampSchema = string('a string').refine(
  isUtcTimestamp,
  `must be a real ISO-8601 UTC timestamp ending in Z, e.g. ${TIMESTAMP_EXAMPLE}`,
)

export const causationIdSchema = z
  .string({ error: 'must be a string or null' })
  .min(1, 'must not be empty (use null for a message that starts a chain)')
  .nullable()

export const versionSchema = z.unknown().transform((input, context): number => {
  const version = normaliseVersion(input)
  if (version !== undefined) return version
  context.addIssue({ code: 'custom', message: input === undefined ? 'is required' : VERSION_RULE })
  return z.NEVER
})

export const jsonSchema = z.custom<JsonValue>((value) => value !== undefined, 'is required')

export const metadataSchema = z.custom<Metadata>(
  (value) => isPlainObject(value),
  'must be an object whose values are JSON',
)

import type { z } from 'zod'
import { MessageValidationError, type ValidationIssue } from '../errors/message-validation-error.ts'
import { OPTIONAL_FIELDS } from '../validation/envelope-schemas.ts'
import { readMessageFields } from '../validation/read-message-fields.ts'
import { fromZodIssues } from '../validation/zod-issues.ts'

/** Orders issues by the field they concern, so the first reported is the first field in the message. */
function byFieldOrder(issues: ValidationIssue[], fields: ReadonlyArray<string>): ValidationIssue[] {
  const rank = (issue: ValidationIssue) => {
    const index = fields.indexOf(issue.path.split('.')[0] ?? '')
    return index < 0 ? -1 : index
  }
  return issues
    .map((issue, at) => ({ issue, at }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.at - b.at)
    .map(({ issue }) => issue)
}

/** Reads, copies and checks the common fields of a message against its object schema. */
export function parseFields<TSchema extends z.ZodObject>(
  input: unknown,
  schema: TSchema,
  subject: string,
): z.output<TSchema> {
  const fields = Object.keys(schema.shape)
  const { candidate, issues, failed } = readMessageFields(input, fields, OPTIONAL_FIELDS)
  const result = schema.safeParse(candidate)
  if (!result.success) issues.push(...fromZodIssues(result.error, [], failed))
  if (issues.length > 0 || !result.success) {
    throw new MessageValidationError(byFieldOrder(issues, fields), subject)
  }
  return result.data
}

/** Checks a payload (`data` or `params`) against its type's schema and returns the schema's output. */
export function parsePayload<T>(payload: unknown, schema: z.ZodType<T>, field: string, subject: string): T {
  const result = schema.safeParse(payload)
  if (!result.success) throw new MessageValidationError(fromZodIssues(result.error, [field]), subject)
  return result.data
}

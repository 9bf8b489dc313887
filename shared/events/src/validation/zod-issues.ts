import type { z } from 'zod'
import type { ValidationIssue } from '../errors/message-validation-error.ts'
import { formatPath } from '../json/paths.ts'

/** Zod's issues as ours, with paths under `prefix` (e.g. `data`), dropping fields already reported. */
export function fromZodIssues(
  error: z.ZodError,
  prefix: ReadonlyArray<PropertyKey> = [],
  skipFields: ReadonlySet<string> = new Set(),
): ValidationIssue[] {
  return error.issues
    .filter((issue) => !(typeof issue.path[0] === 'string' && skipFields.has(issue.path[0])))
    .map((issue) => ({ path: formatPath([...prefix, ...issue.path]), reason: issue.message }))
}

import { ROOT_PATH, type ValidationIssue } from '../errors/message-validation-error.ts'
import { copyJson } from '../json/copy-json.ts'
import { kindOf } from '../json/describe.ts'

export interface ReadFields {
  /** Every requested field: a JSON copy, a default, or `undefined` (missing or unreadable). */
  readonly candidate: Record<string, unknown>
  readonly issues: ValidationIssue[]
  /** Fields already reported, so schema issues about them are redundant. */
  readonly failed: ReadonlySet<string>
}

/** Fields that hold JSON trees; the others hold single values (strings, numbers, null). */
const JSON_FIELDS = new Set(['data', 'params', 'metadata'])

/**
 * Objects in single-value fields are replaced by an inert stand-in before the schema sees them:
 * the schema only needs to know "not a string", and a hostile object could throw when inspected.
 */
function standIn(value: unknown): unknown {
  if (typeof value === 'function') return standInFunction
  if (typeof value !== 'object' || value === null) return value
  try {
    return Array.isArray(value) ? [] : {}
  } catch {
    return {}
  }
}

const standInFunction = () => undefined

/**
 * Reads only the named own fields of `input` and copies each as JSON, so extra keys, inherited
 * properties and everything not JSON are left behind, and nothing in the result aliases `input`.
 */
export function readMessageFields(
  input: unknown,
  fields: ReadonlyArray<string>,
  defaults: Readonly<Record<string, () => unknown>> = {},
): ReadFields {
  const candidate: Record<string, unknown> = {}
  const issues: ValidationIssue[] = []
  const failed = new Set<string>()
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    issues.push({ path: ROOT_PATH, reason: `must be an object, received ${kindOf(input)}` })
    return { candidate, issues, failed }
  }
  for (const field of fields) {
    let raw: unknown
    try {
      raw = Object.hasOwn(input, field) ? (input as Record<string, unknown>)[field] : undefined
    } catch {
      issues.push({ path: field, reason: 'could not be read (its getter threw)' })
      failed.add(field)
      continue
    }
    const fallback = defaults[field]
    if (raw === undefined) {
      candidate[field] = fallback === undefined ? undefined : fallback()
      continue
    }
    if (!JSON_FIELDS.has(field)) {
      candidate[field] = standIn(raw)
      continue
    }
    const copied = copyJson(raw, field)
    if (copied.ok) {
      candidate[field] = copied.value
    } else {
      issues.push(...copied.issues)
      failed.add(field)
    }
  }
  return { candidate, issues, failed }
}

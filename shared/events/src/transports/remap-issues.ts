import { MessageValidationError, ROOT_PATH } from '../errors/message-validation-error.ts'

export type PathMapper = (path: string) => string

/** Puts every path under `prefix`: `data.orderId` → `value.data.orderId`, `(root)` → `value`. */
export function underPrefix(prefix: string): PathMapper {
  return (path) => (path === ROOT_PATH ? prefix : `${prefix}.${path}`)
}

/** Renames the first segment of each path: `eventId` → `properties.messageId`. */
export function renameFields(fieldPaths: Readonly<Record<string, string>>): PathMapper {
  return (path) => {
    const [field = '', ...rest] = path.split('.')
    const mapped = Object.hasOwn(fieldPaths, field) ? fieldPaths[field] : undefined
    return mapped === undefined ? path : [mapped, ...rest].join('.')
  }
}

/**
 * Runs `parse` and re-labels any validation error with the transport's own names, so the
 * error points at what the sender actually wrote.
 */
export function withRemappedIssues<T>(parse: () => T, mapPath: PathMapper, subject: string): T {
  try {
    return parse()
  } catch (error) {
    if (!(error instanceof MessageValidationError)) throw error
    const issues = error.issues.map((issue) => ({ path: mapPath(issue.path), reason: issue.reason }))
    throw new MessageValidationError(issues, subject)
  }
}

import { ROOT_PATH } from '../errors/message-validation-error.ts'

/** Dotted paths (`data.items.0.sku`) are what error messages and tests compare against. */
export function joinPath(base: string, key: string | number): string {
  return base === ROOT_PATH || base === '' ? String(key) : `${base}.${key}`
}

export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  if (segments.length === 0) return ROOT_PATH
  return segments
    .map((segment) => (typeof segment === 'symbol' ? segment.toString() : String(segment)))
    .join('.')
}

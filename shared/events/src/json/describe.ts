const MAX_PREVIEW = 60

/** Describes a thrown value without trusting it: the thrown thing may itself throw when inspected. */
export function describeError(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : String(error)
    return text.length > 200 ? `${text.slice(0, 200)}…` : text
  } catch {
    return 'an error that could not be described'
  }
}

/** Quotes a string for a message, cut short: ids may be megabytes long in hostile input. */
export function preview(value: string): string {
  const cut = value.length > MAX_PREVIEW ? `${value.slice(0, MAX_PREVIEW)}…` : value
  return JSON.stringify(cut)
}

/** A short name for what kind of value this is (`array`, `Date`, `bigint`...). */
export function kindOf(value: unknown): string {
  try {
    if (value === null) return 'null'
    if (Array.isArray(value)) return 'array'
    if (typeof value !== 'object') return typeof value
    const tag = Object.prototype.toString.call(value).slice(8, -1)
    if (tag !== 'Object') return tag
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto === null || proto === Object.prototype) return 'object'
    const ctor: unknown = (proto as { constructor?: unknown }).constructor
    return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'object'
  } catch {
    return 'unreadable value'
  }
}

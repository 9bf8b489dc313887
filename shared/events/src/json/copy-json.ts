import type { ValidationIssue } from '../errors/message-validation-error.ts'
import { describeError, kindOf } from './describe.ts'
import { isPlainObject } from './is-plain-object.ts'
import type { JsonValue } from './json-value.ts'
import { joinPath } from './paths.ts'

/** Deeper than this is a hostile or broken input, not an event; it also keeps the stack safe. */
export const MAX_JSON_DEPTH = 256
/** Enough to show what is wrong without building a million issues from a million bad items. */
export const MAX_ISSUES = 20

export type JsonCopyResult =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly issues: ReadonlyArray<ValidationIssue> }

/**
 * Deep-copies `input` as JSON, or reports every place (up to `MAX_ISSUES`) where it is not JSON.
 * Never throws: getters that throw, proxies and cycles become issues. The copy shares nothing
 * with the input, keeps own `__proto__` keys as plain data, and turns `-0` into `0` (JSON has no -0).
 */
export function copyJson(input: unknown, path: string): JsonCopyResult {
  const issues: ValidationIssue[] = []
  const ancestors = new Map<object, string>()

  const fail = (at: string, reason: string): undefined => {
    if (issues.length < MAX_ISSUES) issues.push({ path: at, reason })
    return undefined
  }

  const copy = (value: unknown, at: string, depth: number): JsonValue | undefined => {
    if (issues.length >= MAX_ISSUES) return undefined
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value
      case 'number':
        if (!Number.isFinite(value)) return fail(at, `is ${value}, which is not a JSON number`)
        return value === 0 ? 0 : value
      case 'undefined':
        return fail(at, 'is undefined, which JSON cannot carry')
      case 'bigint':
        return fail(at, 'is a BigInt, which JSON cannot carry (send it as a string)')
      case 'symbol':
        return fail(at, 'is a symbol, which JSON cannot carry')
      case 'function':
        return fail(at, 'is a function, which JSON cannot carry')
      case 'object':
        return value === null ? null : copyObject(value, at, depth)
    }
    return fail(at, 'is not a JSON value')
  }

  const copyObject = (value: object, at: string, depth: number): JsonValue | undefined => {
    if (depth >= MAX_JSON_DEPTH) return fail(at, `is nested more than ${MAX_JSON_DEPTH} levels deep`)
    const seenAt = ancestors.get(value)
    if (seenAt !== undefined) return fail(at, `refers back to ${seenAt}, a cycle that JSON cannot carry`)
    ancestors.set(value, at)
    try {
      if (Array.isArray(value)) return copyArray(value, at, depth)
      if (!isPlainObject(value)) {
        const kind = kindOf(value)
        const hint = kind === 'Date' ? ' (send dates as ISO-8601 strings)' : ''
        return fail(at, `is a ${kind}, not a plain JSON object${hint}`)
      }
      return copyRecord(value, at, depth)
    } catch (error) {
      return fail(at, `could not be read: ${describeError(error)}`)
    } finally {
      ancestors.delete(value)
    }
  }

  const copyArray = (value: readonly unknown[], at: string, depth: number): JsonValue | undefined => {
    const out: JsonValue[] = []
    const length = value.length
    for (let index = 0; index < length && issues.length < MAX_ISSUES; index++) {
      const itemPath = joinPath(at, index)
      const item = read(value, index, itemPath)
      if (!item.ok) continue
      if (!item.present) {
        fail(itemPath, 'is a hole in a sparse array, which JSON cannot carry')
        continue
      }
      const copied = copy(item.value, itemPath, depth + 1)
      if (copied !== undefined) out.push(copied)
    }
    return out
  }

  const copyRecord = (value: Record<string, unknown>, at: string, depth: number): JsonValue | undefined => {
    const out: Record<string, JsonValue> = {}
    for (const key of Object.keys(value)) {
      if (issues.length >= MAX_ISSUES) break
      const keyPath = joinPath(at, key)
      const entry = read(value, key, keyPath)
      if (!entry.ok) continue
      const copied = copy(entry.value, keyPath, depth + 1)
      if (copied === undefined) continue
      // Plain assignment of "__proto__" would replace the prototype instead of adding a key.
      if (key === '__proto__') {
        Object.defineProperty(out, key, {
          value: copied,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      } else {
        out[key] = copied
      }
    }
    return out
  }

  const read = (
    owner: object,
    key: string | number,
    at: string,
  ): { ok: true; present: boolean; value: unknown } | { ok: false } => {
    try {
      const present = Object.hasOwn(owner, key)
      return {
        ok: true,
        present,
        value: present ? (owner as Record<string | number, unknown>)[key] : undefined,
      }
    } catch (error) {
      fail(at, `could not be read: ${describeError(error)}`)
      return { ok: false }
    }
  }

  const value = copy(input, path, 0)
  if (issues.length > 0 || value === undefined) {
    return { ok: false, issues: issues.length > 0 ? issues : [{ path, reason: 'is not JSON' }] }
  }
  return { ok: true, value }
}

import { MessageValidationError } from '../errors/message-validation-error.ts'
import { kindOf } from '../json/describe.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Text from a string or bytes (Buffer is a Uint8Array); bytes must be valid UTF-8. */
export function decodeText(value: unknown, path: string, subject: string): string {
  if (typeof value === 'string') return value
  if (value instanceof Uint8Array) {
    try {
      return utf8.decode(value)
    } catch {
      throw MessageValidationError.at(path, 'is not valid UTF-8', subject)
    }
  }
  throw MessageValidationError.at(path, `must be a string or a Buffer, received ${kindOf(value)}`, subject)
}

/** An own property of a transport object, or `undefined`; hostile getters surface as validation errors. */
export function ownValue(owner: unknown, key: string, path: string, subject: string): unknown {
  if (typeof owner !== 'object' || owner === null) return undefined
  try {
    return Object.hasOwn(owner, key) ? (owner as Record<string, unknown>)[key] : undefined
  } catch {
    throw MessageValidationError.at(path, 'could not be read (its getter threw)', subject)
  }
}

/** `application/json`, optionally with parameters (`; charset=utf-8`). */
export function isJsonContentType(value: string): boolean {
  return value.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

export function requireObject(value: unknown, path: string, subject: string): object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw MessageValidationError.at(path, `must be an object, received ${kindOf(value)}`, subject)
  }
  return value
}

/** Letters and digits, starting with a capital: `OrderPlaced`, `S3ObjectCreated`. */
export const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/

/** Acronyms stay whole (`APIKeyRotated` → API, Key, Rotated); digits stick to the word before. */
const WORD = /[A-Z]{2,}[0-9]*(?=[A-Z][a-z]|$)|[A-Z][a-z]*[0-9]*|[0-9]+/g

export function isPascalCase(name: unknown): name is string {
  return typeof name === 'string' && PASCAL_CASE.test(name)
}

/** The words of a PascalCase name; an empty list when the name is not PascalCase. */
export function splitPascalCase(name: string): string[] {
  return isPascalCase(name) ? (name.match(WORD) ?? []) : []
}

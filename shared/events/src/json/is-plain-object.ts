/**
 * True for `{}` literals, `JSON.parse` output and `Object.create(null)`; false for arrays, Dates,
 * Maps, Buffers and class instances, whose JSON form would silently differ from what was sent.
 * May throw on hostile proxies; callers guard.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto === null || proto === Object.prototype) return true
  // An object from another realm (vm, worker message) has that realm's Object.prototype.
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]'
}

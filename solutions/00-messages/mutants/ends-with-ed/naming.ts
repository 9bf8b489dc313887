const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/

export function isEventName(name: string): boolean {
  return PASCAL_CASE.test(name) && name.endsWith('ed')
}

export function isCommandName(name: string): boolean {
  return PASCAL_CASE.test(name) && !name.endsWith('ed')
}

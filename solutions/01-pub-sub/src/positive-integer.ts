import { InvalidOptionError } from './invalid-option-error.ts'

/** The value, if it is a positive integer; `InvalidOptionError` naming the option otherwise. */
export function positiveInteger(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new InvalidOptionError(option, value, 'a positive integer')
  return value
}

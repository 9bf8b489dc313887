import { z } from 'zod'
import { isUtcTimestamp, TIMESTAMP_EXAMPLE } from '../../validation/timestamp.ts'

// Building blocks shared by the catalogs' data schemas. Unknown data fields are dropped on
// parse (zod's default): a producer may add an optional field without breaking old consumers.

export const entityId = z.string().min(1)

/** An amount of money in major units (99.99); never negative. */
export const money = z.number().nonnegative()

/** ISO 4217 code, upper case: USD, EUR. */
export const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD')

export const utcTimestamp = z
  .string()
  .refine(isUtcTimestamp, `must be an ISO-8601 UTC timestamp such as ${TIMESTAMP_EXAMPLE}`)

export const reason = z.string().min(1)

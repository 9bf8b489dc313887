import { MessageValidationError } from '../errors/message-validation-error.ts'
import { preview } from '../json/describe.ts'
import type { Query } from '../messages/query.ts'
import { querySchema } from '../validation/envelope-schemas.ts'
import { guard } from './guard.ts'
import { parseFields, parsePayload } from './parse-fields.ts'
import type { QueryOfSchemas, QuerySchema } from './payload-schemas.ts'

export interface ParseQueryOptions<S extends ReadonlyArray<QuerySchema> = ReadonlyArray<QuerySchema>> {
  readonly schemas: S
  readonly unknownTypes?: 'reject' | 'accept'
}

const SUBJECT = 'query'

/** Validates anything as a query; same rules and guarantees as `parseEvent`. */
export function parseQuery(input: unknown): Query
export function parseQuery(
  input: unknown,
  options: ParseQueryOptions & { readonly unknownTypes: 'accept' },
): Query
export function parseQuery<const S extends ReadonlyArray<QuerySchema>>(
  input: unknown,
  options: ParseQueryOptions<S>,
): QueryOfSchemas<S>
export function parseQuery(input: unknown, options?: ParseQueryOptions): Query {
  return guard(SUBJECT, () => {
    const query: Query = parseFields(input, querySchema, SUBJECT)
    if (options === undefined) return query
    const schema = options.schemas.find((s) => s.queryType === query.queryType)
    if (schema !== undefined) {
      return { ...query, params: parsePayload(query.params, schema.params, 'params', SUBJECT) }
    }
    if (options.unknownTypes === 'accept') return query
    const known = options.schemas.map((s) => s.queryType).join(', ')
    throw MessageValidationError.at(
      'queryType',
      `${preview(query.queryType)} is not a known query type (known: ${known})`,
      SUBJECT,
    )
  })
}

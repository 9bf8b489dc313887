/** The answer to a query: the data asked for. */
export interface QueryResult<T> {
  readonly data: T
}

export function queryResult<T>(data: T): QueryResult<T> {
  return { data }
}

import type { Metadata } from '../json/json-value.ts'

/** A question that changes nothing (`GetOrderSummary`); safe to repeat. */
export interface Query<TType extends string = string, TParams = unknown> {
  readonly queryId: string
  /** PascalCase, usually `Get…`/`Find…`/`List…`. */
  readonly queryType: TType
  readonly timestamp: string
  readonly correlationId: string
  readonly causationId: string | null
  readonly params: TParams
  readonly metadata: Metadata
}

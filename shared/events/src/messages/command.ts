import type { Metadata } from '../json/json-value.ts'

/** A request for one service to do something (`PlaceOrder`); it may be refused (nack). */
export interface Command<TType extends string = string, TData = unknown> {
  readonly commandId: string
  /** PascalCase, imperative by convention: `PlaceOrder`, `CancelRide`. */
  readonly commandType: TType
  readonly timestamp: string
  readonly correlationId: string
  readonly causationId: string | null
  readonly data: TData
  readonly metadata: Metadata
}

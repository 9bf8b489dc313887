/** A value that survives `JSON.stringify` → `JSON.parse` unchanged. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue }

/** Free-form context carried beside the data (tenant, user, trace ids); never business facts. */
export type Metadata = Readonly<Record<string, JsonValue>>

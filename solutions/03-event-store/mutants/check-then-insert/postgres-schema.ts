// How the SQL store lays out its table, and how it numbers events so that readers never skip one.
//
// A sequence (bigserial) would hand out global positions at INSERT, but they become visible at
// COMMIT, in any order: a reader that polls `global_position > checkpoint` while a slow
// transaction holds position 7 and a fast one has committed 8 moves its checkpoint to 8 and never
// sees 7. So the position is built from the writing transaction's id instead:
//
//   global_position = transaction id × 2^20 + the event's index in its append
//
// and a reader only returns positions below the oldest transaction still running
// (`pg_snapshot_xmin(pg_current_snapshot())`). Every transaction below that horizon has committed
// or rolled back, and any transaction that commits later has an id at or above it, hence
// positions above anything already read. Appends never wait for each other (unless they write the
// same stream), a rolled-back append leaves a hole that the horizon simply passes, and a reader is
// only ever held back, never made to skip, by a transaction that stays open.

/** `"name"` with inner quotes doubled: a schema name is data, never SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** SQL for the global position of the event at 1-based `ordinal` in the current transaction. */
export const GLOBAL_POSITION_OF_NEXT = (ordinal: string) =>
  `(pg_current_xact_id()::text::bigint << 20) + ${ordinal} - 1`

/** SQL for the first global position a reader may not return yet. */
export const VISIBLE_HORIZON = '(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)'

export function createSchemaStatements(schema: string): string[] {
  const s = quoteIdentifier(schema)
  return [
    `create schema if not exists ${s}`,
    `create table if not exists ${s}.events (
       global_position bigint primary key,
       stream_id text not null,
       stream_position bigint not null check (stream_position >= 1),
       event_id text not null,
       event_type text not null,
       event_version integer not null,
       occurred_at text not null,
       correlation_id text not null,
       causation_id text,
       data jsonb not null,
       metadata jsonb not null,
       recorded_at timestamptz not null default now(),
       constraint events_event_id_unique unique (event_id)
     )`,
  ]
}

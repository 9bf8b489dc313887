import type { SqlExecutor } from './sql-client.ts'

export type ProjectionMode = 'live' | 'rebuilding'

export interface Checkpoint {
  /** Global position of the last event this projection has moved past (0: none). */
  readonly position: number
  readonly mode: ProjectionMode
}

/**
 * Where each projection's progress is kept: a row per projection in `projection_checkpoints`.
 * Every method takes the executor to run on, so the caller decides which transaction it joins.
 */
export class CheckpointStore {
  async init(db: SqlExecutor): Promise<void> {
    await db.query(`create table if not exists projection_checkpoints (
      name text primary key,
      position bigint not null default 0,
      mode text not null default 'live',
      rebuild_owner text)`)
  }

  /** Reads the checkpoint and locks its row until the transaction ends (creating it at 0). */
  async load(tx: SqlExecutor, name: string): Promise<Checkpoint> {
    await tx.query('insert into projection_checkpoints (name) values ($1) on conflict (name) do nothing', [
      name,
    ])
    const { rows } = await tx.query<{ position: number | string; mode: ProjectionMode }>(
      'select position, mode from projection_checkpoints where name = $1 for update',
      [name],
    )
    const row = rows[0]
    return { position: Number(row?.position ?? 0), mode: row?.mode ?? 'live' }
  }

  async save(tx: SqlExecutor, name: string, position: number): Promise<void> {
    await tx.query('update projection_checkpoints set position = $2 where name = $1', [name, position])
  }

  async setMode(tx: SqlExecutor, name: string, mode: ProjectionMode): Promise<void> {
    await tx.query('update projection_checkpoints set mode = $2 where name = $1', [name, mode])
  }

  /** Takes the rebuild claim for `owner`; false when another rebuild holds it. */
  async claimRebuild(db: SqlExecutor, name: string, owner: string): Promise<boolean> {
    await db.query('insert into projection_checkpoints (name) values ($1) on conflict (name) do nothing', [
      name,
    ])
    const { rows } = await db.query(
      'update projection_checkpoints set rebuild_owner = $2 where name = $1 and rebuild_owner is null returning name',
      [name, owner],
    )
    return rows.length === 1
  }

  async releaseRebuild(db: SqlExecutor, name: string, owner: string): Promise<void> {
    await db.query(
      'update projection_checkpoints set rebuild_owner = null where name = $1 and rebuild_owner = $2',
      [name, owner],
    )
  }
}

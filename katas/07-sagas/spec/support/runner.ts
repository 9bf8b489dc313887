import { sequentialIds } from '@eda/testkit'
import type { PGlite } from '@electric-sql/pglite'
import {
  type Dispatch,
  pgliteClient,
  type RideSagaState,
  rideBookingSaga,
  SagaRunner,
  type SqlClient,
} from '#impl'
import { ManualScheduler } from './manual-scheduler.ts'
import { CONFIG } from './rides.ts'

/** A saga runner on PGlite with a manual scheduler: what a process of the saga service holds. */
export function runnerOn(
  db: SqlClient,
  dispatch: Dispatch,
  scheduler = new ManualScheduler(),
  options: { newId?: () => string; maxDispatchAttempts?: number } = {},
): SagaRunner<RideSagaState> {
  return new SagaRunner<RideSagaState>({
    db,
    saga: rideBookingSaga(CONFIG),
    dispatch,
    scheduler,
    newId: options.newId ?? sequentialIds('out'),
    ...(options.maxDispatchAttempts === undefined
      ? {}
      : { maxDispatchAttempts: options.maxDispatchAttempts }),
  })
}

export const clientOf = (pglite: PGlite) => pgliteClient(pglite)

import { describe, expect, it } from 'vitest'
import { lazyPGlite, startPGlite, useFreshSchema, workerPGlite } from '../src/pglite/index.ts'

describe('PGlite for specs', () => {
  it('gives each test a schema of its own, the default for unqualified names', async () => {
    const db = await startPGlite()
    try {
      const first = await useFreshSchema(db, 'Kata 06-CQRS')
      await db.exec('create table t (n int); insert into t values (1)')
      const second = await useFreshSchema(db, 'Kata 06-CQRS')
      expect(second).not.toBe(first)
      expect(first).toMatch(/^[a-z0-9_]+$/)
      await db.exec('create table t (n int)')
      expect((await db.query('select count(*)::int as n from t')).rows).toEqual([{ n: 0 }])
      expect((await db.query(`select count(*)::int as n from ${first}.t`)).rows).toEqual([{ n: 1 }])
    } finally {
      await db.close()
    }
  })

  it('starts a lazy PGlite only when the first query comes', async () => {
    const db = lazyPGlite()
    expect(db.started).toBe(false)
    await db.close()
    expect((await db.client.query('select 41 + 1 as answer')).rows).toEqual([{ answer: 42 }])
    expect(db.started).toBe(true)
    await db.close()
  })

  it('hands every caller in a worker the same instance', async () => {
    expect(await workerPGlite()).toBe(await workerPGlite())
  })
})

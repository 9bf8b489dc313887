import { describe, expect, it } from 'vitest'
import { findKata, kataForSolution, listKatas, repoRoot } from '../src/curriculum/workspace.ts'

describe('the curriculum in this repository', () => {
  const katas = listKatas()

  it('lists the katas in curriculum order, each with a solution folder', () => {
    expect(katas.length).toBeGreaterThan(0)
    const orders = katas.map((k) => k.meta.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    for (const kata of katas) expect(kata.solutionDir).toBe(`${repoRoot}/solutions/${kata.dir}`)
  })

  it.each(['1', '01', '01-pub-sub', 'pub-sub', '@katas/pub-sub', '@solutions/pub-sub', 'PUB-SUB'])(
    'finds kata 01 by %j',
    (query) => {
      expect(findKata(query, katas)?.dir).toBe('01-pub-sub')
    },
  )

  it.each(['99', 'nope', ''])('finds nothing for %j', (query) => {
    expect(findKata(query, katas)).toBeUndefined()
  })

  it('maps a solution folder to its kata', () => {
    expect(kataForSolution(`${repoRoot}/solutions/01-pub-sub`, katas)?.meta.name).toBe('pub-sub')
    expect(kataForSolution(`${repoRoot}/shared/cli`, katas)).toBeUndefined()
  })

  it('has every step spec file on disk and a README, HINTS and NOTES for each kata', async () => {
    const { existsSync } = await import('node:fs')
    for (const kata of katas) {
      for (const step of kata.meta.steps)
        expect(existsSync(`${kata.kataDir}/spec/${step.spec}`), step.spec).toBe(true)
      for (const file of [
        `${kata.kataDir}/README.md`,
        `${kata.kataDir}/HINTS.md`,
        `${kata.solutionDir}/NOTES.md`,
      ])
        expect(existsSync(file), file).toBe(true)
    }
  })
})

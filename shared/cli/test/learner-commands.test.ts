import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHints } from '../src/hints/parse-hints.ts'
import { createScratchRepo, kataIn } from './scratch-repo.ts'
import { useTempDir } from './temp-dir.ts'

describe('learner commands, run as processes on a scratch repository', () => {
  const tempDir = useTempDir()
  const src = (root: string, file = 'index.ts') => join(root, 'katas', '01-demo', 'src', file)

  it('reset saves the learner’s files, restores the stub, and restore brings back exactly those files', () => {
    const root = createScratchRepo(tempDir())
    writeFileSync(src(root), 'export const answer = (): number => 41 + 1\n')
    writeFileSync(src(root, 'mine.ts'), 'export const mine = 1\n')
    const reset = kataIn(root, 'reset', '01')
    expect(reset.status).toBe(0)
    expect(reset.stdout).toContain('back to the starting code')
    expect(readFileSync(src(root), 'utf8')).toContain("throw new Error('TODO')")
    expect(existsSync(src(root, 'mine.ts'))).toBe(false)
    const backup = /\.kata\/backups\/01-demo\/(\S+)/.exec(reset.stdout)?.[1]
    expect(backup).toBeDefined()

    const restore = kataIn(root, 'restore', '01', backup ?? '')
    expect(restore.status).toBe(0)
    expect(readFileSync(src(root), 'utf8')).toBe('export const answer = (): number => 41 + 1\n')
    expect(readFileSync(src(root, 'mine.ts'), 'utf8')).toBe('export const mine = 1\n')
    expect(readdirSync(join(root, 'katas', '01-demo', 'src')).sort()).toEqual([
      'helper.ts',
      'index.ts',
      'mine.ts',
    ])
  })

  it('reset on untouched code changes nothing and makes no backup', () => {
    const root = createScratchRepo(tempDir())
    const reset = kataIn(root, 'reset', 'demo')
    expect(reset.status).toBe(0)
    expect(reset.stdout).toContain('nothing to reset')
    expect(existsSync(join(root, '.kata', 'backups'))).toBe(false)
  })

  it('restore saves the current files before overwriting them', () => {
    const root = createScratchRepo(tempDir())
    writeFileSync(src(root), 'first attempt\n')
    expect(kataIn(root, 'reset', '01').status).toBe(0)
    writeFileSync(src(root), 'second attempt\n')
    const restore = kataIn(root, 'restore', '01')
    expect(restore.status).toBe(0)
    expect(readFileSync(src(root), 'utf8')).toBe('first attempt\n')
    const list = kataIn(root, 'restore', '01', '--list').stdout.trim().split('\n')
    expect(list).toHaveLength(2)
    expect(list[1]).toMatch(/before-restore$/)
  })

  it('hint shows one more level each time, for the current step', () => {
    const root = createScratchRepo(tempDir())
    const first = kataIn(root, 'hint', '01')
    expect(first.status).toBe(0)
    expect(first.stdout).toContain('step 1: First step')
    expect(first.stdout).toContain('Nudge: think about it.')
    expect(first.stdout).not.toContain('Approach:')
    const second = kataIn(root, 'hint', '01').stdout
    expect(second).toContain('Approach: write it over two lines.')
    expect(second).not.toContain('Near-solution:')
    const third = kataIn(root, 'hint', '01').stdout
    expect(third).toContain('Near-solution: return 42.')
    expect(kataIn(root, 'hint', '01', '2').stdout).toContain('Nudge: again.')
  })

  it('solution asks before showing an unsolved kata, and needs --yes when piped', () => {
    const root = createScratchRepo(tempDir())
    const refused = kataIn(root, 'solution', '01')
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('add --yes to confirm')
    const shown = kataIn(root, 'solution', '01', '--yes')
    expect(shown.status).toBe(0)
    expect(shown.stdout).toContain('export const answer = (): number => 42')
    expect(shown.stdout).toContain('Why 42.')
    expect(shown.stdout).not.toContain('not for learners')
  })

  it('solution --apply backs up the learner’s code before putting the reference in place', () => {
    const root = createScratchRepo(tempDir())
    writeFileSync(src(root), 'my attempt\n')
    const applied = kataIn(root, 'solution', '01', '--apply', '--yes')
    expect(applied.status).toBe(0)
    expect(readFileSync(src(root), 'utf8')).toBe('export const answer = (): number => 42\n')
    expect(existsSync(src(root, 'conformance.ts'))).toBe(false)
    expect(kataIn(root, 'restore', '01').status).toBe(0)
    expect(readFileSync(src(root), 'utf8')).toBe('my attempt\n')
  })

  it('drill works on a fresh copy and leaves the learner’s src untouched; hints are off meanwhile', () => {
    const root = createScratchRepo(tempDir())
    writeFileSync(src(root), 'my work in progress\n')
    const drill = kataIn(root, 'drill', '01', '--minutes', '25')
    expect(drill.status).toBe(0)
    const dir = /Write your solution in (\S+)/.exec(drill.stdout)?.[1] ?? ''
    expect(dir).toMatch(/^katas\/01-demo\/\.drill\//)
    expect(readFileSync(join(root, dir, 'index.ts'), 'utf8')).toContain("throw new Error('TODO')")
    expect(readFileSync(src(root), 'utf8')).toBe('my work in progress\n')
    expect(kataIn(root, 'hint', '01').stderr).toContain('hints are off during a drill')
    expect(kataIn(root, 'drill').stdout).toContain('A drill is running')
    expect(kataIn(root, 'drill', '--abandon').status).toBe(0)
    expect(readFileSync(src(root), 'utf8')).toBe('my work in progress\n')
  })

  it('rejects a bad --minutes with exit code 2', () => {
    const root = createScratchRepo(tempDir())
    const result = kataIn(root, 'drill', '01', '--minutes', 'soon')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--minutes takes a whole number')
  })
})

describe('HINTS.md of every kata in this repository', () => {
  it('has a nudge, an approach and a near-solution for every step, in that order', async () => {
    const { listKatas } = await import('../src/curriculum/workspace.ts')
    for (const kata of listKatas()) {
      const hints = parseHints(readFileSync(join(kata.kataDir, 'HINTS.md'), 'utf8'))
      expect(
        hints.map((h) => h.step),
        kata.dir,
      ).toEqual(kata.meta.steps.map((_, i) => i + 1))
      for (const step of hints)
        expect(
          step.levels.map((l) => l.level),
          `${kata.dir} step ${step.step}`,
        ).toEqual(['Nudge', 'Approach', 'Near-solution'])
    }
  })
})

describe('parseHints', () => {
  it('joins qualified bullets of one level, in the order written', () => {
    const [step] = parseHints(
      [
        '## Step 1 · Append',
        '- **Nudge:** a stream is an array.',
        '- **Approach (in memory):** a map of arrays.',
        '- **Approach (SQL):** one table,',
        '  one statement.',
        '- **Near-solution:** positions from 1.',
      ].join('\n'),
    )
    expect(step?.levels).toEqual([
      { level: 'Nudge', text: 'a stream is an array.' },
      { level: 'Approach', text: '(in memory) a map of arrays. (SQL) one table, one statement.' },
      { level: 'Near-solution', text: 'positions from 1.' },
    ])
  })
})

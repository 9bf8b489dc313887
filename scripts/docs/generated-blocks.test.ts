import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readCurriculum } from './curriculum.ts'
import { GeneratedBlockError, renderBlocks } from './generated-blocks.ts'

let root: string | undefined
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true })
  root = undefined
})

/** A repository where kata 01 is published, and kata 03 has a kata.json but no README yet. */
function context() {
  root = mkdtempSync(join(tmpdir(), 'docs-blocks-'))
  const kata = (folder: string, meta: object, readme?: string) => {
    mkdirSync(join(root ?? '', 'katas', folder), { recursive: true })
    writeFileSync(join(root ?? '', 'katas', folder, 'kata.json'), JSON.stringify(meta))
    if (readme !== undefined) writeFileSync(join(root ?? '', 'katas', folder, 'README.md'), readme)
  }
  kata('01-pub-sub', {
    title: 'Publish/subscribe',
    summary: 'A bus.',
    minutes: 90,
    services: [],
    steps: [{ title: 'a' }],
  })
  kata('03-event-store', {
    title: 'Event store',
    summary: 'A store.',
    minutes: 100,
    steps: [{ title: 'a' }, { title: 'b', services: ['postgres'] }],
  })
  writeFileSync(join(root, 'katas', '01-pub-sub', 'README.md'), '# Kata 01\n')
  mkdirSync(join(root, 'docs', 'guides'), { recursive: true })
  return { root, file: join(root, 'docs', 'guides', 'g.md'), curriculum: readCurriculum(root) }
}

describe('renderBlocks', () => {
  it('links a published kata inline and names an unpublished one in plain text', () => {
    const ctx = context()
    const text = renderBlocks(
      'See <!-- generated:kata 01-pub-sub -->old<!-- /generated:kata --> and ' +
        '<!-- generated:kata 03-event-store the store kata -->old<!-- /generated:kata -->.',
      ctx,
    )
    expect(text).toBe(
      'See <!-- generated:kata 01-pub-sub -->[Kata 01 · Publish/subscribe](../../katas/01-pub-sub/README.md)' +
        '<!-- /generated:kata --> and <!-- generated:kata 03-event-store the store kata -->the store kata ' +
        '(being written)<!-- /generated:kata -->.',
    )
  })

  it('fills a block with one bullet per kata, with minutes and the services of each step', () => {
    const ctx = context()
    const text = renderBlocks(
      '<!-- generated:katas 01-pub-sub 03-event-store -->\nstale\n<!-- /generated:katas -->',
      ctx,
    )
    expect(text.split('\n')).toEqual([
      '<!-- generated:katas 01-pub-sub 03-event-store -->',
      '- [Kata 01 · Publish/subscribe](../../katas/01-pub-sub/README.md): A bus. (about 90 min; services: none)',
      '- Kata 03 · Event store (being written): A store. (about 100 min; services: none; PostgreSQL for step 2)',
      '<!-- /generated:katas -->',
    ])
  })

  it('writes runs of steps as ranges', () => {
    const ctx = context()
    const kataJson = join(ctx.root, 'katas', '01-pub-sub', 'kata.json')
    const steps = [[], ['kafka'], ['kafka'], ['kafka'], [], ['kafka']].map((services, i) => ({
      title: `s${i}`,
      services,
    }))
    writeFileSync(kataJson, JSON.stringify({ title: 'P', summary: 'S.', minutes: 9, steps }))
    const text = renderBlocks('<!-- generated:katas 01-pub-sub -->\n<!-- /generated:katas -->', {
      ...ctx,
      curriculum: readCurriculum(ctx.root),
    })
    expect(text).toContain('services: none; Kafka for steps 2–4, 6)')
  })

  it('uses the plan for a kata that has no kata.json yet, marked as an estimate', () => {
    const ctx = context()
    const text = renderBlocks('<!-- generated:katas 02-kafka-partitions -->\n<!-- /generated:katas -->', ctx)
    expect(text).toContain('Kata 02 · Kafka partitions (coming)')
    expect(text).toContain('min (estimate); services: Kafka')
  })

  it('computes an agenda from the start time and the katas’ minutes', () => {
    const ctx = context()
    const text = renderBlocks(
      '<!-- generated:agenda\n09:00\n15 Welcome\nkata 01-pub-sub\n60 Lunch\nkata 03-event-store\n-->\n<!-- /generated:agenda -->',
      ctx,
    )
    expect(text).toContain('| 09:00 | Welcome | 15 |')
    expect(text).toContain(
      '| 09:15 | **[Kata 01 · Publish/subscribe](../../katas/01-pub-sub/README.md)**, 1 step | 90 |',
    )
    expect(text).toContain('| 10:45 | Lunch | 60 |')
    expect(text).toContain(
      '| 11:45 | **Kata 03 · Event store (being written)**, 2 steps; needs PostgreSQL | 100 |',
    )
    expect(text).toContain('| 13:25 | End | |')
    expect(text).toContain('265 minutes in all, 190 of them hands-on in katas.')
  })

  it('schedules part of a kata with the minutes the plan gives, naming the servers those steps need', () => {
    const ctx = context()
    const plan = (steps: string) =>
      renderBlocks(
        `<!-- generated:agenda\n09:00\nkata 03-event-store ${steps}\n-->\n<!-- /generated:agenda -->`,
        ctx,
      )
    expect(plan('steps 1-1 40')).toContain(
      '| 09:00 | **Kata 03 · Event store (being written)**, steps 1–1 of 2 | 40 (of 100 for the whole kata) |',
    )
    expect(plan('steps 1-2 70')).toContain('steps 1–2 of 2; needs PostgreSQL | 70 (of 100')
    expect(() => plan('steps 2-3 40')).toThrow(
      /kata 03-event-store has steps 1-2; "steps 2-3" is not among them/,
    )
  })

  it('keeps everything outside the markers, and is stable when run twice', () => {
    const ctx = context()
    const once = renderBlocks('a\n<!-- generated:curriculum -->\n<!-- /generated:curriculum -->\nb', ctx)
    expect(once.startsWith('a\n<!-- generated:curriculum -->\n| # |')).toBe(true)
    expect(once.endsWith('<!-- /generated:curriculum -->\nb')).toBe(true)
    expect(renderBlocks(once, ctx)).toBe(once)
  })

  it('links a page once it exists', () => {
    const ctx = context()
    const block = '<!-- generated:page ../notes.md Notes -->x<!-- /generated:page -->'
    expect(renderBlocks(block, ctx)).toContain('>Notes (not written yet)<')
    writeFileSync(join(ctx.root, 'docs', 'notes.md'), '# Notes\n')
    expect(renderBlocks(block, ctx)).toContain('>[Notes](../notes.md)<')
  })

  it('names the file and line of a block it cannot render', () => {
    const ctx = context()
    expect(() =>
      renderBlocks('x\n\n<!-- generated:kata 99-nothing -->x<!-- /generated:kata -->', ctx),
    ).toThrow(GeneratedBlockError)
    expect(() => renderBlocks('x\n\n<!-- generated:nonsense -->x<!-- /generated:nonsense -->', ctx)).toThrow(
      /docs\/guides\/g\.md:3: unknown generated block "nonsense"/,
    )
  })
})

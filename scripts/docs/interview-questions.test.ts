import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readCurriculum } from './curriculum.ts'
import {
  collectQuestions,
  extractSection,
  parseQuestions,
  renderInterviewPage,
} from './interview-questions.ts'

const README = `# Kata 09 · Outbox

## Steps

**Not a question** even though it is bold.

## Interview questions

**Why an outbox?**
A strong answer covers: the dual write, and the relay.
See [the spec](spec/01-outbox.spec.ts) and [steps](#steps).

**How is it at least once?**

The relay can crash after publishing and before marking.

\`\`\`ts
## not a heading inside code
\`\`\`

## Run it

\`pnpm kata test 09\`
`

describe('extractSection', () => {
  it('returns the section up to the next level-2 heading, ignoring headings in code', () => {
    const section = extractSection(README)
    expect(section).toContain('**Why an outbox?**')
    expect(section).toContain('## not a heading inside code')
    expect(section).not.toContain('pnpm kata test 09')
    expect(section).not.toContain('Not a question')
  })

  it('returns undefined when the README has no such section', () => {
    expect(extractSection('# Kata\n\n## Steps\n\ntext\n')).toBeUndefined()
  })

  it('matches the heading whatever its case, and runs to the end of the file when it is last', () => {
    expect(extractSection('# K\n\n## Interview Questions\n\n**Q?**\nA.\n')).toBe('**Q?**\nA.')
  })
})

describe('parseQuestions', () => {
  it('reads bold-line questions with the answer on the next lines or after a blank line', () => {
    const questions = parseQuestions(extractSection(README) ?? '')
    expect(questions.map((q) => q.question)).toEqual(['Why an outbox?', 'How is it at least once?'])
    expect(questions[0]?.answer).toMatch(/^A strong answer covers: the dual write/)
    expect(questions[1]?.answer).toMatch(/^The relay can crash/)
    expect(questions[1]?.answer).toContain('## not a heading inside code')
  })

  it('reads ### headings and bold list items as questions too', () => {
    const questions = parseQuestions(
      ['### What is lag?', 'The gap.', '', '1. **Why keys?** Order per key.', '   More on keys.'].join('\n'),
    )
    expect(questions).toEqual([
      { question: 'What is lag?', answer: 'The gap.' },
      { question: 'Why keys?', answer: 'Order per key.\nMore on keys.' },
    ])
  })

  it('does not take a bold line in the middle of a paragraph for a question', () => {
    const questions = parseQuestions('**Q?**\nAnswer starts\n**still the answer**\n')
    expect(questions).toHaveLength(1)
    expect(questions[0]?.answer).toContain('**still the answer**')
  })
})

describe('the generated page', () => {
  let root: string | undefined
  afterEach(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true })
  })

  const repoWith = (katas: Record<string, string | undefined>) => {
    root = mkdtempSync(join(tmpdir(), 'docs-iq-'))
    for (const [folder, readme] of Object.entries(katas)) {
      mkdirSync(join(root, 'katas', folder), { recursive: true })
      writeFileSync(
        join(root, 'katas', folder, 'kata.json'),
        JSON.stringify({ title: folder.slice(3), summary: 's', minutes: 30, steps: [] }),
      )
      if (readme !== undefined) writeFileSync(join(root, 'katas', folder, 'README.md'), readme)
    }
    mkdirSync(join(root, 'docs'))
    return root
  }

  it('collects in curriculum order, rebases links, and lists the katas still to come', () => {
    const repo = repoWith({ '09-outbox': README, '10-inbox': '# Kata 10\n\nNo questions yet.\n' })
    const curriculum = readCurriculum(repo)
    const page = renderInterviewPage(
      collectQuestions(curriculum, join(repo, 'docs')),
      curriculum,
      repo,
      join(repo, 'docs', 'interview-questions.md'),
    )
    expect(page).toContain('2 questions from 1 kata,')
    expect(page).toContain('## Kata 09 · outbox')
    expect(page).toContain('From [katas/09-outbox/README.md](../katas/09-outbox/README.md).')
    expect(page).toContain('### Why an outbox?')
    // A link relative to the kata folder now starts from docs/, and a bare anchor names its file.
    expect(page).toContain('[the spec](../katas/09-outbox/spec/01-outbox.spec.ts)')
    expect(page).toContain('[steps](../katas/09-outbox/README.md#steps)')
    expect(page).toMatch(/## Still to come[\s\S]*Kata 10 · inbox \(its README has no questions yet\)/)
    expect(page).toMatch(/Kata 02 · Kafka partitions \(coming\)/)
  })
})

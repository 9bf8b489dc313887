import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkLinks, listMarkdownFiles } from './link-check.ts'
import { anchors, links, slug, typedocSlug } from './markdown.ts'

let root: string | undefined
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true })
  root = undefined
})

/** A throw-away repository with the given files. */
function repo(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'docs-links-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const broken = (files: Record<string, string>) =>
  checkLinks(repo(files)).map((b) => `${b.file}:${b.line} ${b.target}`)

describe('checkLinks', () => {
  it('accepts links to existing files and folders, relative or from the root', () => {
    expect(
      broken({
        'README.md': '[guide](docs/guide.md) [src](katas/01/src) [root](/docs/guide.md) ![img](docs/a.svg)\n',
        'docs/guide.md': '# Guide\n\n[home](../README.md)\n',
        'docs/a.svg': '<svg/>',
        'katas/01/src/index.ts': '',
      }),
    ).toEqual([])
  })

  it('reports missing targets with file and line', () => {
    expect(
      broken({
        'README.md': 'intro\n\nSee [kata 02](katas/02-kafka/README.md) and [x][ref].\n\n[ref]: nope.md\n',
      }),
    ).toEqual(['README.md:3 katas/02-kafka/README.md', 'README.md:5 nope.md'])
  })

  it('checks anchors against GitHub heading slugs and HTML ids, in the same file or another', () => {
    expect(
      broken({
        'a.md': [
          '# Kata 01 · Publish/subscribe',
          '## Run it',
          '## Run it',
          '<a id="custom"></a>',
          '[ok](#run-it) [ok](#run-it-1) [ok](b.md#why-not-a-queue) [ok](#custom) [ok](#Run-It)',
          '[ok](#kata-01--publishsubscribe)',
          '[bad](#run-it-2) [bad](b.md#nowhere)',
        ].join('\n'),
        'b.md': '# B\n\n## Why not a queue?\n',
      }),
    ).toEqual(['a.md:7 #run-it-2', 'a.md:7 b.md#nowhere'])
  })

  it('ignores links in code blocks and code spans, and external links', () => {
    expect(
      broken({
        'a.md': [
          '`[x](missing.md)`',
          '```md',
          '[x](missing.md)',
          '```',
          '[web](https://example.com/missing.md) [mail](mailto:a@b.c) <https://x.y/z.md>',
        ].join('\n'),
      }),
    ).toEqual([])
  })

  it('rejects a link that leaves the repository, even when the target exists here', () => {
    const files = broken({ 'docs/a.md': '[design](../../DESIGN.md)\n' })
    expect(files).toEqual(['docs/a.md:1 ../../DESIGN.md'])
  })

  it('reads the link inside a badge and the image in it', () => {
    expect(broken({ 'a.md': '[![build](missing.svg)](missing.md)\n' })).toEqual([
      'a.md:1 missing.md',
      'a.md:1 missing.svg',
    ])
  })

  it('decodes percent-encoding and keeps titles out of the target', () => {
    expect(broken({ 'a.md': '[x](my%20notes.md "Notes") [y](<my notes.md>)\n', 'my notes.md': '' })).toEqual(
      [],
    )
  })
})

describe('listMarkdownFiles', () => {
  it('skips dependencies, dot-folders and the generated docs/api, but not other api folders', () => {
    const dir = repo({
      'README.md': '',
      'docs/api/x.md': '',
      'docs/guides/g.md': '',
      'shared/api/notes.md': '',
      'node_modules/p/README.md': '',
      '.kata/backup/README.md': '',
    })
    expect(listMarkdownFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual([
      'README.md',
      'docs/guides/g.md',
      'shared/api/notes.md',
    ])
  })
})

describe('markdown helpers', () => {
  it('slugs headings as GitHub does', () => {
    expect(slug('Kata 01 · Publish/subscribe')).toBe('kata-01--publishsubscribe')
    expect(slug('Why `#impl`, and not paths?')).toBe('why-impl-and-not-paths')
    expect(slug('The [event store](x.md) API')).toBe('the-event-store-api')
    expect(slug('snake_case stays')).toBe('snake_case-stays')
  })

  it('knows how typedoc spells the same headings, so site links can be translated', () => {
    expect(typedocSlug('Kata 01 · Publish/subscribe')).toBe('kata-01-·-publishsubscribe')
    expect(typedocSlug('Why a log instead of a queue?')).toBe('why-a-log-instead-of-a-queue')
  })

  it('finds setext headings but not a list item over a rule', () => {
    expect([...anchors('Title\n=====\n\nSub\n---\n\n- item\n---\n')]).toEqual(['title', 'sub'])
  })

  it('extracts destinations with parentheses and angle brackets', () => {
    expect(
      links('[w](https://en.wikipedia.org/wiki/Saga_(pattern)) [a](<a b.md>)').map((l) => l.target),
    ).toEqual(['https://en.wikipedia.org/wiki/Saga_(pattern)', 'a b.md'])
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import type { Kata } from './curriculum.ts'
import { GeneratedBlockError, renderBlocks } from './generated-blocks.ts'
import { collectQuestions, renderInterviewPage } from './interview-questions.ts'
import { headings, links, plainText } from './markdown.ts'

export interface GeneratedPages {
  /** Every page `pnpm docs` owns, with the text it should have now. */
  readonly files: readonly { readonly path: string; readonly text: string }[]
  /** The guides in the order docs/index.md lists them. */
  readonly guides: readonly string[]
  readonly questions: number
  readonly questionKatas: number
}

/** What `pnpm docs` writes: the interview questions page, and the generated blocks of docs/. */
export function generatedPages(root: string, curriculum: readonly Kata[]): GeneratedPages {
  const docs = join(root, 'docs')
  const interviewPage = join(docs, 'interview-questions.md')
  const collected = collectQuestions(curriculum, docs)
  const files = [
    { path: interviewPage, text: renderInterviewPage(collected, curriculum, root, interviewPage) },
  ]
  for (const path of markdownUnder(docs)) {
    if (path === interviewPage) continue
    const text = readFileSync(path, 'utf8')
    files.push({ path, text: renderBlocks(text, { root, file: path, curriculum }) })
  }
  return {
    files,
    guides: guideOrder(root),
    questions: collected.reduce((n, k) => n + k.questions.length, 0),
    questionKatas: collected.length,
  }
}

function markdownUnder(dir: string): string[] {
  return (
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.md'))
      .map((e) => join(e.parentPath, e.name))
      // docs/api is typedoc's output, not pages of ours.
      .filter((path) => !relative(dir, path).startsWith(`api${sep}`))
      .sort()
  )
}

/**
 * The guides in reading order: the links of docs/index.md's "Concept guides" section. Every file
 * in docs/guides/ must be listed there, so a new guide cannot go missing from the home page.
 */
export function guideOrder(root: string): string[] {
  const index = join(root, 'docs', 'index.md')
  const text = readFileSync(index, 'utf8')
  const all = headings(text)
  const start = all.find((h) => h.level === 2 && /^concept guides$/i.test(plainText(h.text)))
  if (start === undefined)
    throw new GeneratedBlockError('docs/index.md', 1, 'needs a "## Concept guides" section')
  const end = all.find((h) => h.line > start.line && h.level <= 2)?.line ?? Number.POSITIVE_INFINITY
  const guidesDir = join(root, 'docs', 'guides')
  const ordered = [
    ...new Set(
      links(text)
        .filter((l) => l.line > start.line && l.line < end && l.target.startsWith('guides/'))
        .map((l) => resolve(root, 'docs', l.target.replace(/#.*$/, ''))),
    ),
  ]
  const onDisk = readdirSync(guidesDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(guidesDir, f))
  const missing = onDisk.filter((g) => !ordered.includes(g))
  if (missing.length > 0) {
    throw new GeneratedBlockError(
      'docs/index.md',
      start.line,
      `"Concept guides" does not list ${missing.map((m) => relative(root, m)).join(', ')}`,
    )
  }
  return ordered.filter((g) => onDisk.includes(g))
}

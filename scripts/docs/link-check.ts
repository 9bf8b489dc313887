import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { anchors, links } from './markdown.ts'

export interface BrokenLink {
  /** The file holding the link, relative to the repository root, with `/` separators. */
  readonly file: string
  readonly line: number
  readonly target: string
  readonly reason: string
}

// Generated, installed or private folders: their Markdown is not ours to keep in order.
const SKIPPED_DIRS = new Set(['node_modules', 'api', 'dist', 'coverage'])

/** Every Markdown file of the repository, outside dot-folders, dependencies and generated output. */
export function listMarkdownFiles(root: string): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        // `api` is skipped only as docs/api (typedoc's output), not anywhere else.
        const generated = entry.name === 'api' ? relative(root, path) === join('docs', 'api') : true
        if (!(SKIPPED_DIRS.has(entry.name) && generated)) walk(path)
      } else if (entry.isFile() && /\.md$/i.test(entry.name)) {
        found.push(path)
      }
    }
  }
  walk(root)
  return found.sort()
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

/**
 * Checks that each relative link in `files` resolves to an existing file or folder, and that an
 * anchor into a Markdown file names one of its headings (or an HTML id). A link starting with `/`
 * is read from the repository root, as GitHub does. External links are left alone: CI has no
 * network, and a link checker that fails on someone else's outage is noise.
 */
export function checkLinks(root: string, files: readonly string[] = listMarkdownFiles(root)): BrokenLink[] {
  const broken: BrokenLink[] = []
  const anchorCache = new Map<string, Set<string>>()
  const anchorsOf = (path: string) => {
    let cached = anchorCache.get(path)
    if (cached === undefined) {
      cached = new Set([...anchors(readFileSync(path, 'utf8'))].map((a) => a.toLowerCase()))
      anchorCache.set(path, cached)
    }
    return cached
  }
  for (const file of files) {
    const display = relative(root, file).split(sep).join('/')
    for (const link of links(readFileSync(file, 'utf8'))) {
      const report = (reason: string) =>
        broken.push({ file: display, line: link.line, target: link.target, reason })
      if (link.target === '' || EXTERNAL.test(link.target)) {
        if (link.target === '') report('empty link target')
        continue
      }
      const hashAt = link.target.indexOf('#')
      const rawPath = (hashAt === -1 ? link.target : link.target.slice(0, hashAt)).replace(/\?.*$/, '')
      const anchor = hashAt === -1 ? undefined : link.target.slice(hashAt + 1)
      let path: string
      try {
        path = decodeURIComponent(rawPath)
      } catch {
        report('malformed percent-encoding')
        continue
      }
      const target =
        path === '' ? file : path.startsWith('/') ? join(root, path) : resolve(dirname(file), path)
      // A target outside the repository exists here but not in a fresh clone.
      if (relative(root, target).startsWith('..')) {
        report('points outside the repository')
        continue
      }
      if (!existsSync(target)) {
        report('no such file or folder')
        continue
      }
      // GitHub matches anchors case-insensitively; line anchors (#L10) belong to non-Markdown files.
      if (anchor !== undefined && anchor !== '' && statSync(target).isFile() && /\.md$/i.test(target)) {
        let decoded: string
        try {
          decoded = decodeURIComponent(anchor).toLowerCase()
        } catch {
          decoded = anchor.toLowerCase()
        }
        if (!anchorsOf(target).has(decoded)) report(`no heading or id "${anchor}" in that file`)
      }
    }
  }
  return broken
}

export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `  ${b.file}:${b.line}  ${b.target}  (${b.reason})`).join('\n')
}

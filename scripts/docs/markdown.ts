import { dirname, relative, resolve, sep } from 'node:path'

// Just enough Markdown reading for the docs scripts: fenced code, headings, links. A full parser
// would be a dependency for three regular expressions; these follow CommonMark where it matters
// (fences, ATX and setext headings, inline code spans) and GitHub for heading anchors.

export interface Line {
  /** 1-based line number in the file. */
  readonly number: number
  readonly text: string
  /** True inside a fenced code block, fence lines included. */
  readonly inCode: boolean
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** Splits a file into lines and marks the ones inside fenced code blocks. */
export function scanLines(markdown: string): Line[] {
  const lines: Line[] = []
  let fence: string | undefined
  markdown.split(/\r?\n/).forEach((text, index) => {
    const match = FENCE.exec(text)
    if (fence === undefined && match?.[1] !== undefined) {
      fence = match[1]
      lines.push({ number: index + 1, text, inCode: true })
      return
    }
    if (fence !== undefined) {
      // A closing fence uses the same character, at least as many, and nothing after it.
      const closing = match?.[1]
      if (
        closing !== undefined &&
        closing[0] === fence[0] &&
        closing.length >= fence.length &&
        text.trim() === closing
      ) {
        fence = undefined
      }
      lines.push({ number: index + 1, text, inCode: true })
      return
    }
    lines.push({ number: index + 1, text, inCode: false })
  })
  return lines
}

export interface Heading {
  readonly level: number
  /** The heading as written, without the `#` markers. */
  readonly text: string
  readonly line: number
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/

/** ATX (`## Title`) and setext (`Title` over `===` or `---`) headings outside code blocks. */
export function headings(markdown: string): Heading[] {
  const lines = scanLines(markdown)
  const found: Heading[] = []
  lines.forEach((line, i) => {
    if (line.inCode) return
    const atx = ATX.exec(line.text)
    if (atx?.[1] !== undefined) {
      found.push({ level: atx[1].length, text: (atx[2] ?? '').trim(), line: line.number })
      return
    }
    const next = lines[i + 1]
    const previous = lines[i - 1]
    const startsParagraph = previous === undefined || previous.text.trim() === '' || previous.inCode
    if (
      next !== undefined &&
      !next.inCode &&
      /^ {0,3}(=+|-+)[ \t]*$/.test(next.text) &&
      line.text.trim() !== '' &&
      startsParagraph &&
      !/^ {0,3}([-*+]|\d+[.)]|>)\s/.test(line.text)
    ) {
      found.push({
        level: next.text.trim().startsWith('=') ? 1 : 2,
        text: line.text.trim(),
        line: line.number,
      })
    }
  })
  return found
}

/** The text a reader sees: inline code, emphasis, links and HTML tags reduced to their text. */
export function plainText(inline: string): string {
  return inline
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens (github-slugger). */
export function slug(heading: string): string {
  return plainText(heading)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** typedoc 0.28's Slugger.serialize, lower-cased as its default `sluggerConfiguration` does. */
export function typedocSlug(text: string): string {
  const slugged = text
    .trim()
    .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, '')
    .replace(/\s/g, '-')
    .replace(/--+/, '-')
  return (slugged || '_').toLocaleLowerCase()
}

/** Every anchor a file offers: heading slugs (duplicates numbered as GitHub does) and HTML ids. */
export function anchors(markdown: string): Set<string> {
  const result = new Set<string>()
  const seen = new Map<string, number>()
  for (const heading of headings(markdown)) {
    const base = slug(heading.text)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    result.add(count === 0 ? base : `${base}-${count}`)
  }
  for (const line of scanLines(markdown)) {
    if (line.inCode) continue
    for (const match of line.text.matchAll(/<[a-z][^>]*\s(?:id|name)\s*=\s*["']([^"']+)["']/gi)) {
      if (match[1] !== undefined) result.add(match[1])
    }
  }
  return result
}

export interface Link {
  readonly target: string
  readonly line: number
}

// A destination may hold one level of parentheses (`wiki/Foo_(bar)`), and a link's text one level
// of brackets, so `[![badge](img.svg)](url)` yields the link; images get their own pass for the
// badge inside.
const DESTINATION = String.raw`\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)`
const INLINE_LINK = new RegExp(String.raw`(?<!!)\[(?:[^[\]]|\[[^\]]*\])*\]` + DESTINATION, 'g')
const IMAGE = new RegExp(String.raw`!\[[^\]]*\]` + DESTINATION, 'g')
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/
const HTML_LINK = /<(?:a|img|source)\s[^>]*?(?:href|src)\s*=\s*["']([^"']*)["']/gi

const CODE_SPAN = /(`+)(?:(?!\1).)+?\1/g

/** Applies `change` to the parts of a line outside inline code spans. */
function outsideCodeSpans(text: string, change: (part: string) => string): string {
  let result = ''
  let from = 0
  for (const span of text.matchAll(CODE_SPAN)) {
    result += change(text.slice(from, span.index)) + span[0]
    from = span.index + span[0].length
  }
  return result + change(text.slice(from))
}

/** Removes inline code spans so that `[x](y)` written as code is not read as a link. */
function withoutCodeSpans(text: string): string {
  return text.replace(CODE_SPAN, (span) => ' '.repeat(span.length))
}

/** Every link and image target outside code: inline, reference definitions, and HTML attributes. */
export function links(markdown: string): Link[] {
  const found: Link[] = []
  for (const line of scanLines(markdown)) {
    if (line.inCode) continue
    const text = withoutCodeSpans(line.text)
    const add = (raw: string | undefined) => {
      if (raw === undefined) return
      const target = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw
      found.push({ target, line: line.number })
    }
    for (const match of text.matchAll(INLINE_LINK)) add(match[1])
    for (const match of text.matchAll(IMAGE)) add(match[1])
    add(REFERENCE_DEFINITION.exec(text)?.[1])
    for (const match of text.matchAll(HTML_LINK)) add(match[1])
  }
  return found
}

/** The first level-1 heading's plain text, if the file has one. */
export function title(markdown: string): string | undefined {
  const first = headings(markdown).find((h) => h.level === 1)
  return first === undefined ? undefined : plainText(first.text)
}

/**
 * Rewrites the relative link destinations of `markdown` written in `fromDir` so they still
 * resolve when the text is moved to `toDir`. External links stay; `#anchor` alone becomes a link
 * to `fromFile`'s heading, since the heading no longer lives on the same page.
 */
export function rebaseLinks(markdown: string, fromFile: string, toDir: string): string {
  const fromDir = dirname(fromFile)
  const rebase = (target: string): string => {
    const bare = target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target
    if (bare === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/)/i.test(bare)) return target
    const hashAt = bare.indexOf('#')
    const path = hashAt === -1 ? bare : bare.slice(0, hashAt)
    const anchor = hashAt === -1 ? '' : bare.slice(hashAt)
    const absolute = path === '' ? fromFile : resolve(fromDir, path)
    const moved = relative(toDir, absolute).split(sep).join('/') + anchor
    return bare === target ? moved : `<${moved}>`
  }
  // The destination is the last `](target` of the match: the text before it may hold an image.
  const retarget = (whole: string, target: string) => {
    const at = whole.lastIndexOf(`](${target}`)
    return target === '' || at === -1
      ? whole
      : `${whole.slice(0, at + 2)}${rebase(target)}${whole.slice(at + 2 + target.length)}`
  }
  return scanLines(markdown)
    .map((line) => {
      if (line.inCode) return line.text
      return outsideCodeSpans(line.text, (text) =>
        text
          .replace(new RegExp(INLINE_LINK.source, 'g'), (whole, target: string) => retarget(whole, target))
          .replace(new RegExp(IMAGE.source, 'g'), (whole, target: string) => retarget(whole, target))
          .replace(REFERENCE_DEFINITION, (whole, target: string) => whole.replace(target, rebase(target))),
      )
    })
    .join('\n')
}

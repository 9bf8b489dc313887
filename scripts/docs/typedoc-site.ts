import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import {
  Application,
  type CommentDisplayPart,
  Converter,
  type DocumentReflection,
  type ProjectReflection,
  Reflection,
  ReflectionKind,
  type TypeDocOptions,
} from 'typedoc'
import { type Kata, kataLabel } from './curriculum.ts'
import { headings, plainText, slug, title, typedocSlug } from './markdown.ts'

export interface SiteInput {
  readonly root: string
  readonly curriculum: readonly Kata[]
  /** The guides in reading order (absolute paths), as docs/index.md lists them. */
  readonly guides: readonly string[]
  /** Where the HTML goes; undefined renders into a temporary folder that is removed (check mode). */
  readonly out?: string
}

export interface SiteResult {
  readonly ok: boolean
  readonly packages: readonly string[]
  readonly mermaid: boolean
}

const posix = (path: string) => path.split(sep).join('/')

/**
 * Builds the site with typedoc: docs/index.md as the home page, the guides and the published katas
 * (README, hints, solution notes) as documents, and the API of the shared packages and of every
 * published kata's reference solution. Warnings fail the build, as they do in CI.
 */
export async function buildSite(input: SiteInput): Promise<SiteResult> {
  const { root, curriculum } = input
  // Section pages that group the guides and the katas are navigation, not content anyone should
  // edit, so they are written to an ignored cache folder. It must be inside the repository:
  // typedoc expands its documents from their common folder, and / is not one it accepts.
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const staging = mkdtempSync(join(cache, 'eda-docs-'))
  try {
    const guidesPage = writeSection(staging, 'guides.md', 'Concept guides', input.guides, (g) => [
      `- [${title(readFileSync(g, 'utf8')) ?? g}](${posix(relative(staging, g))})`,
    ])
    const published = curriculum.filter((k) => k.status === 'available')
    const katasPage = writeSection(
      staging,
      'katas.md',
      'Katas',
      published.flatMap((k) => [k.readme, k.hints, k.notes].filter((p): p is string => p !== undefined)),
      (file) => {
        const kata = published.find((k) => k.readme === file)
        return kata === undefined
          ? []
          : [`- [${kataLabel(kata)}](${posix(relative(staging, file))}): ${kata.summary}`]
      },
    )
    const packages = [
      join(root, 'shared', 'events'),
      join(root, 'shared', 'testkit'),
      ...published.flatMap((k) => (k.solutionEntry === undefined ? [] : [join(root, 'solutions', k.folder)])),
    ]
    const readme = join(root, 'README.md')
    const documents = [
      readme,
      guidesPage,
      katasPage,
      ...['workshop.md', 'interview-questions.md', 'benchmarks.md', 'authoring-katas.md']
        .map((f) => join(root, 'docs', f))
        .filter((f) => existsSync(f)),
    ]
    const mermaid = mermaidScript(root, staging)
    const options: Partial<TypeDocOptions> = {
      options: join(root, 'typedoc.json'),
      entryPoints: packages,
      projectDocuments: documents,
      readme: join(root, 'docs', 'index.md'),
      out: input.out ?? join(staging, 'site'),
      ...(mermaid === undefined ? {} : { customJs: mermaid }),
    }
    const app = await Application.bootstrapWithPlugins(options)
    app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document: DocumentReflection) => {
      // Documents are named after their file; a page's own first heading reads better.
      const path = document.project.files.getReflectionPath(document)
      // The project README's heading is the site's own name; call it what it is.
      const heading =
        path === undefined
          ? undefined
          : posix(path) === posix(readme)
            ? 'Project README'
            : title(readFileSync(path, 'utf8'))
      if (heading !== undefined && document.frontmatter.title === undefined) document.name = heading
    })
    const failed = () =>
      app.logger.hasErrors() || (app.options.getValue('treatWarningsAsErrors') && app.logger.hasWarnings())
    const result = (ok: boolean): SiteResult => ({
      ok,
      packages: packages.map((p) => posix(relative(root, p))),
      mermaid: mermaid !== undefined,
    })
    if (failed()) return result(false)
    const project = await app.convert()
    if (project === undefined || failed()) return result(false)
    useTypedocAnchors(project)
    app.validate(project)
    if (failed()) return result(false)
    await app.generateOutputs(project)
    return result(!failed())
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

function writeSection(
  staging: string,
  name: string,
  heading: string,
  children: readonly string[],
  line: (child: string) => string[],
): string {
  const path = join(staging, name)
  const entries = Object.fromEntries(
    children.map((c) => [posix(relative(staging, c)), posix(relative(staging, c))]),
  )
  const frontmatter = ['---', `title: ${heading}`, 'children:']
  for (const [key, value] of Object.entries(entries))
    frontmatter.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
  const body = children.flatMap(line)
  writeFileSync(
    path,
    [...frontmatter, '---', `# ${heading}`, '', ...(body.length > 0 ? body : ['Nothing yet.']), ''].join(
      '\n',
    ),
  )
  return path
}

/**
 * GitHub renders the guides' Mermaid diagrams; the HTML site does too when the `mermaid` package is
 * installed (it is optional: without it, diagrams show as their source). Bundled into one script so
 * the site works offline.
 */
function mermaidScript(root: string, staging: string): string | undefined {
  let library: string
  try {
    library = createRequire(join(root, 'package.json')).resolve('mermaid/dist/mermaid.min.js')
  } catch {
    return undefined
  }
  const start = `
;(() => {
  const render = () => {
    const blocks = [...document.querySelectorAll('pre > code.mermaid')]
    for (const code of blocks) {
      const diagram = document.createElement('div')
      diagram.className = 'mermaid'
      diagram.textContent = code.textContent
      code.parentElement.replaceWith(diagram)
    }
    const dark = document.documentElement.dataset.theme === 'dark' ||
      (document.documentElement.dataset.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
    mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default' })
    if (blocks.length > 0) mermaid.run({ querySelector: 'div.mermaid' })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render)
  else render()
})()
`
  const path = join(staging, 'mermaid.js')
  writeFileSync(path, `${readFileSync(library, 'utf8')}\n${start}`)
  return path
}

/**
 * Links in the Markdown use GitHub's heading anchors, which the link check verifies. typedoc slugs
 * headings its own way (it keeps `·`, and collapses only the first run of hyphens), and fails the
 * build on an anchor it does not know. Translate each anchor into a linked document's heading to
 * typedoc's spelling of the same heading, so a link that works on GitHub works in the site too.
 */
function useTypedocAnchors(project: ProjectReflection): void {
  const translations = new Map<string, Map<string, string>>()
  const translationsFor = (path: string) => {
    let map = translations.get(path)
    if (map === undefined) {
      map = new Map()
      const github = new Map<string, number>()
      const typedoc = new Map<string, number>()
      for (const heading of headings(readFileSync(path, 'utf8'))) {
        map.set(numbered(github, slug(heading.text)), numbered(typedoc, typedocSlug(plainText(heading.text))))
      }
      translations.set(path, map)
    }
    return map
  }
  const translate = (parts: readonly CommentDisplayPart[] | undefined) => {
    for (const part of parts ?? []) {
      if (part.kind !== 'relative-link' || part.target === undefined || part.targetAnchor === undefined)
        continue
      const target = project.files.resolve(part.target, project)
      const path = target instanceof Reflection ? project.files.getReflectionPath(target) : undefined
      if (path === undefined || !/\.md$/i.test(path)) continue
      part.targetAnchor = translationsFor(path).get(part.targetAnchor.toLowerCase()) ?? part.targetAnchor
    }
  }
  translate(project.readme)
  for (const reflection of project.getReflectionsByKind(ReflectionKind.Document)) {
    translate((reflection as DocumentReflection).content)
  }
}

/** Heading anchors repeat with -1, -2... in both schemes. */
function numbered(seen: Map<string, number>, base: string): string {
  const count = seen.get(base) ?? 0
  seen.set(base, count + 1)
  return count === 0 ? base : `${base}-${count}`
}

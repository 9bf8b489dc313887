// `pnpm docs`: regenerate the generated parts of the docs, check every relative link of the
// repository's Markdown, and build the typedoc site into docs/api/.
//
//   tsx scripts/docs/build.ts               write generated pages, check links, build the site
//   tsx scripts/docs/build.ts --check       write nothing: fail on stale generated pages, broken
//                                           links or any typedoc warning (the site goes to a temp dir)
//   tsx scripts/docs/build.ts --no-site     skip typedoc (seconds instead of a minute)
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readCurriculum } from './curriculum.ts'
import { GeneratedBlockError } from './generated-blocks.ts'
import { generatedPages } from './generated-pages.ts'
import { checkLinks, formatBrokenLinks, listMarkdownFiles } from './link-check.ts'
import { buildSite } from './typedoc-site.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const args = new Set(process.argv.slice(2))
const unknown = [...args].filter((a) => !['--check', '--no-site', '--help'].includes(a))
if (args.has('--help') || unknown.length > 0) {
  if (unknown.length > 0) console.error(`unknown option ${unknown.join(' ')}`)
  console.log('usage: tsx scripts/docs/build.ts [--check] [--no-site]')
  process.exit(unknown.length > 0 ? 2 : 0)
}
const check = args.has('--check')
const started = performance.now()
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`
const problems: string[] = []

// 1. Generated pages and blocks: the interview questions page, links to katas, agendas.
const curriculum = readCurriculum(root)
let pages: ReturnType<typeof generatedPages>
try {
  pages = generatedPages(root, curriculum)
} catch (error) {
  if (!(error instanceof GeneratedBlockError)) throw error
  console.error(`docs: ${error.message}`)
  process.exit(1)
}
const stale = pages.files.filter((p) => readOrEmpty(p.path) !== p.text)
for (const page of stale) {
  if (!check) writeFileSync(page.path, page.text)
}
const names = stale.map((p) => relative(root, p.path)).join(', ')
if (check && stale.length > 0) {
  problems.push(`generated content is out of date in ${names}: run \`pnpm docs\` and commit the result`)
}
console.log(
  `docs: ${pages.questions} interview questions from ${pages.questionKatas} katas; ` +
    (stale.length === 0 ? 'generated content up to date' : `${check ? 'stale' : 'updated'}: ${names}`),
)

// 2. Links: every relative link in every Markdown file of the repository.
const linksStarted = performance.now()
const files = listMarkdownFiles(root)
const broken = checkLinks(root, files)
if (broken.length > 0) problems.push(`${broken.length} broken links:\n${formatBrokenLinks(broken)}`)
console.log(`docs: checked the links of ${files.length} Markdown files in ${seconds(linksStarted)}`)

// 3. The site.
if (!args.has('--no-site')) {
  const siteStarted = performance.now()
  const site = await buildSite({
    root,
    curriculum,
    guides: pages.guides,
    ...(check ? {} : { out: join(root, 'docs', 'api') }),
  })
  const where = check ? 'checked (not written)' : 'written to docs/api/index.html'
  console.log(
    `docs: typedoc ${site.ok ? where : 'FAILED'} in ${seconds(siteStarted)}: API of ${site.packages.join(', ')}` +
      (site.mermaid
        ? ''
        : '; Mermaid diagrams show as source (add the `mermaid` dev dependency to draw them)'),
  )
  if (!site.ok) problems.push('typedoc reported errors or warnings (above); warnings count as errors')
}

if (problems.length > 0) {
  console.error(`\ndocs: FAILED\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.log(`docs: ok in ${seconds(started)}`)

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

// `pnpm bench [workspace] [name]`: runs a benchmark script, `<workspace>/bench/<name>.ts`, with tsx.
// Without arguments it lists every benchmark. Benchmarks print their figures and the command that
// produced them; docs/benchmarks.md records them.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const groups = ['shared', 'katas', 'solutions']
const benches = groups.flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group)).flatMap((ws) => {
        const dir = join(root, group, ws, 'bench')
        return existsSync(dir)
          ? readdirSync(dir)
              .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
              .map((f) => ({
                workspace: ws,
                name: f.replace(/\.ts$/, ''),
                file: join(dir, f),
                cwd: join(root, group, ws),
              }))
          : []
      })
    : [],
)

const [workspace, name, ...rest] = process.argv.slice(2)
// A workspace is named by its folder (`04-snapshots`) or without its number (`snapshots`).
const named = (folder: string) => folder === workspace || folder.replace(/^\d\d-/, '') === workspace
const chosen = benches.filter((b) => (!workspace || named(b.workspace)) && (!name || b.name === name))
if (!workspace || chosen.length === 0) {
  if (workspace) console.error(`no benchmark matches "${[workspace, name].filter(Boolean).join(' ')}"`)
  console.log('Benchmarks (run with: pnpm bench <workspace> <name>):')
  for (const b of benches) console.log(`  pnpm bench ${b.workspace} ${b.name}    ${relative(root, b.file)}`)
  process.exit(workspace ? 2 : 0)
}
for (const bench of chosen) {
  console.log(`\n› pnpm bench ${bench.workspace} ${bench.name}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench.file, ...rest], {
    cwd: bench.cwd,
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

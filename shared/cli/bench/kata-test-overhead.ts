// What does `pnpm kata test <kata>` cost, compared with a bare `vitest run` of a one-test project
// and with vitest run straight in the kata's folder? Runs the three side by side, interleaved, in
// one run, and prints medians and ratios. Usage: pnpm bench cli kata-test-overhead [runs] [kata]
// (default kata: 00, entirely in process).
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { findKata, kataRef, repoRoot } from '../src/curriculum/workspace.ts'

const runs = Number(process.argv[2] ?? 7)
const kata = findKata(process.argv[3] ?? '00')
if (!kata) throw new Error(`no kata ${process.argv[3]}`)
const vitestBin = join(repoRoot, 'node_modules', '.bin', 'vitest')
const oneTest = join(repoRoot, '.bench', 'one-test')
mkdirSync(oneTest, { recursive: true })
writeFileSync(join(oneTest, 'package.json'), '{ "type": "module" }\n')
writeFileSync(
  join(oneTest, 'one.test.ts'),
  "import { expect, test } from 'vitest'\ntest('one', () => expect(1).toBe(1))\n",
)

const subjects = [
  {
    name: 'bare vitest run, one-test project',
    cmd: vitestBin,
    args: ['run', '--config=false'],
    cwd: oneTest,
  },
  { name: `vitest run in katas/${kata.dir}`, cmd: vitestBin, args: ['run'], cwd: kata.kataDir },
  {
    name: `pnpm kata test ${kataRef(kata)} (from the root)`,
    cmd: 'pnpm',
    args: ['kata', 'test', kataRef(kata)],
    cwd: repoRoot,
  },
]

const times = subjects.map(() => [] as number[])
for (let i = 0; i < runs + 1; i++) {
  subjects.forEach((s, j) => {
    const started = performance.now()
    spawnSync(s.cmd, s.args, { cwd: s.cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } })
    // The first round warms caches (file system, Vite's module cache) and is not counted.
    if (i > 0) times[j]?.push(performance.now() - started)
  })
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const medians = times.map(median)
const base = medians[0] ?? Number.NaN
console.log(
  `runs: ${runs} (interleaved, after one warm-up round); machine: ${process.platform}, Node ${process.version}`,
)
console.log('| command | median | × bare one-test vitest |')
console.log('|---|---|---|')
subjects.forEach((s, j) => {
  const m = medians[j] ?? Number.NaN
  console.log(`| ${s.name} | ${(m / 1000).toFixed(2)} s | ${(m / base).toFixed(2)}× |`)
})
const cli = (medians[2] ?? Number.NaN) - (medians[1] ?? Number.NaN)
console.log(`CLI overhead over vitest in the kata's folder: ${(cli / 1000).toFixed(2)} s`)

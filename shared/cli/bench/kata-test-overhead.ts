// What does `pnpm kata test <kata>` cost, compared with a bare `vitest run` of a one-test project?
// Runs, side by side and interleaved in one run: the bare one-test project, vitest run straight in
// the kata's folder (every spec, for scale), `pnpm kata test` without the test server (a one-off
// run: EDA_KATA_SERVER=0) and `pnpm kata test` as a learner runs it (after the first run, the warm
// test server answers). Before each round src/index.ts is saved with a change (a trailing comment,
// then without), as a learner's edit would; it is restored at the end. Prints medians and ratios.
// Usage: pnpm bench cli kata-test-overhead [runs] [kata] [--solved]   (default kata: 00, in process)
// --solved puts the reference's src/ in place for the run (every step runs), and the kata's own
// back at the end.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { findKata, kataRef, repoRoot } from '../src/curriculum/workspace.ts'
import { referenceInPlace } from './reference-in-place.ts'

const args = process.argv.slice(2).filter((a) => a !== '--solved')
const solved = process.argv.includes('--solved')
const runs = Number(args[0] ?? 7)
const kata = findKata(args[1] ?? '00')
if (!kata) throw new Error(`no kata ${args[1]}`)
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
  { name: `vitest run in katas/${kata.dir} (every spec)`, cmd: vitestBin, args: ['run'], cwd: kata.kataDir },
  {
    name: `pnpm kata test ${kataRef(kata)}, one-off (EDA_KATA_SERVER=0)`,
    cmd: 'pnpm',
    args: ['kata', 'test', kataRef(kata)],
    cwd: repoRoot,
    env: { EDA_KATA_SERVER: '0' },
  },
  {
    name: `pnpm kata test ${kataRef(kata)}, warm test server`,
    cmd: 'pnpm',
    args: ['kata', 'test', kataRef(kata)],
    cwd: repoRoot,
  },
]

const putBack = solved ? referenceInPlace(kata, 'kata-test-overhead') : undefined
const edited = join(kata.kataDir, 'src', 'index.ts')
const original = readFileSync(edited, 'utf8')
const times = subjects.map(() => [] as number[])
try {
  for (let i = 0; i < runs + 1; i++) {
    writeFileSync(edited, i % 2 === 1 ? `${original}// bench\n` : original)
    subjects.forEach((s, j) => {
      const started = performance.now()
      spawnSync(s.cmd, s.args, {
        cwd: s.cwd,
        stdio: 'ignore',
        env: { ...process.env, NO_COLOR: '1', ...s.env },
      })
      // The first round warms caches (file system, Vite's module cache, the test server: the first
      // `pnpm kata test` starts it) and is not counted.
      if (i > 0) times[j]?.push(performance.now() - started)
    })
  }
} finally {
  writeFileSync(edited, original)
  putBack?.()
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const medians = times.map(median)
const base = medians[0] ?? Number.NaN
console.log(
  `kata ${kata.dir}${solved ? ' (solved)' : ''}; runs: ${runs} (interleaved, after one warm-up round); ${process.platform}, Node ${process.version}`,
)
console.log('| command | median | × bare one-test vitest |')
console.log('|---|---:|---:|')
subjects.forEach((s, j) => {
  const m = medians[j] ?? Number.NaN
  console.log(`| ${s.name} | ${(m / 1000).toFixed(2)} s | ${(m / base).toFixed(2)}× |`)
})

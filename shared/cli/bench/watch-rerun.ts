// How long after a save does `pnpm kata watch <kata>` show the new result? Starts the watcher,
// saves its src/index.ts several times (adding, then removing, a trailing comment), and measures
// from each save to the re-rendered view. The file is restored at the end.
// Usage: pnpm bench cli watch-rerun [saves] [kata] [--solved]   (default kata: 00, in process)
// --solved measures the worst case, every step passing (each save re-runs all of them): it puts
// the reference's src/ in place for the run, after copying the kata's own to .bench/, and puts
// the kata's own back at the end.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findKata, kataRef } from '../src/curriculum/workspace.ts'
import { referenceInPlace } from './reference-in-place.ts'

const args = process.argv.slice(2).filter((a) => a !== '--solved')
const solved = process.argv.includes('--solved')
const saves = Number(args[0] ?? 10)
const bin = fileURLToPath(new URL('../bin/kata.js', import.meta.url))
const kata = findKata(args[1] ?? '00')
if (!kata) throw new Error(`no kata ${args[1]}`)
const putBack = solved ? referenceInPlace(kata, 'watch-rerun') : undefined
const file = join(kata.kataDir, 'src', 'index.ts')
const original = readFileSync(file, 'utf8')

const child = spawn(process.execPath, [bin, 'watch', kataRef(kata)], {
  env: { ...process.env, NO_COLOR: '1' },
})
let output = ''
child.stdout.on('data', (chunk: Buffer) => {
  output += chunk.toString()
})

const runsSeen = () => (output.match(/^run \d+ took (\d+) ms/gm) ?? []).length
const waitForRun = async (n: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (runsSeen() < n) {
    if (Date.now() > deadline)
      throw new Error(`watch run ${n} did not render within ${timeoutMs} ms:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const total: number[] = []
const reported: number[] = []
try {
  await waitForRun(1, 60_000)
  for (let i = 1; i <= saves; i++) {
    const started = performance.now()
    writeFileSync(file, i % 2 === 1 ? `${original}// bench\n` : original)
    await waitForRun(i + 1, 30_000)
    total.push(performance.now() - started)
    const runs = [...output.matchAll(/^run \d+ took (\d+) ms/gm)]
    reported.push(Number(runs.at(-1)?.[1]))
  }
} finally {
  writeFileSync(file, original)
  child.kill('SIGINT')
  putBack?.()
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
console.log(
  `kata ${kata.dir}${solved ? ' (solved: every step runs)' : ''}, saves: ${saves}; Node ${process.version}`,
)
console.log('| measure | median | min | max |')
console.log('|---|---|---|---|')
for (const [name, xs] of [
  ['save → view re-rendered', total],
  ['as the watch reports it (file event → view)', reported],
] as const)
  console.log(
    `| ${name} | ${Math.round(median(xs))} ms | ${Math.round(Math.min(...xs))} ms | ${Math.round(Math.max(...xs))} ms |`,
  )

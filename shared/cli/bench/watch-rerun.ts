// How long after a save does `pnpm kata watch <kata>` show the new result? Starts the watcher,
// saves its src/index.ts several times (adding, then removing, a trailing comment), and measures
// from each save to the re-rendered view. The file is restored at the end.
// Usage: pnpm bench cli watch-rerun [saves] [kata]   (default kata: 00, entirely in process)
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findKata, kataRef } from '../src/curriculum/workspace.ts'

const saves = Number(process.argv[2] ?? 10)
const bin = fileURLToPath(new URL('../bin/kata.js', import.meta.url))
const kata = findKata(process.argv[3] ?? '00')
if (!kata) throw new Error(`no kata ${process.argv[3]}`)
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
const vitestOnly: number[] = []
try {
  await waitForRun(1, 60_000)
  for (let i = 1; i <= saves; i++) {
    const started = performance.now()
    writeFileSync(file, i % 2 === 1 ? `${original}// bench\n` : original)
    await waitForRun(i + 1, 30_000)
    total.push(performance.now() - started)
    const runs = [...output.matchAll(/^run \d+ took (\d+) ms/gm)]
    vitestOnly.push(Number(runs.at(-1)?.[1]))
  }
} finally {
  writeFileSync(file, original)
  child.kill('SIGINT')
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
console.log(`kata ${kata.dir}, saves: ${saves}; Node ${process.version}`)
console.log('| measure | median | min | max |')
console.log('|---|---|---|---|')
for (const [name, xs] of [
  ['save → view re-rendered', total],
  ['re-run as vitest times it', vitestOnly],
] as const)
  console.log(
    `| ${name} | ${Math.round(median(xs))} ms | ${Math.round(Math.min(...xs))} ms | ${Math.round(Math.max(...xs))} ms |`,
  )

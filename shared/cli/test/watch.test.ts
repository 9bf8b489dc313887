import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { addRunnableSpecs, createScratchRepo } from './scratch-repo.ts'
import { useTempDir } from './temp-dir.ts'
import { until } from './until.ts'

const bin = fileURLToPath(new URL('../bin/kata.js', import.meta.url))

describe('kata watch, run as a process on a scratch repository', () => {
  const tempDir = useTempDir()
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL')
  })

  const scratchKata = () => {
    const root = createScratchRepo(tempDir())
    return { root, ...addRunnableSpecs(root) }
  }
  /** The same, reached through a symbolic link, as a checkout under a linked folder is. */
  const linkedScratchKata = () => {
    const real = createScratchRepo(tempDir())
    const root = join(tempDir(), 'linked')
    symlinkSync(real, root, 'dir')
    return { root, ...addRunnableSpecs(root) }
  }

  /** Starts `kata watch 01`; `viewAfterRun(n)` waits for the n-th view and returns it. */
  function startWatch(root: string, ...args: string[]) {
    const child = spawn(process.execPath, [bin, 'watch', '01', ...args], {
      env: { ...process.env, NO_COLOR: '1', EDA_KATAS_ROOT: root },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(child)
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    return {
      async viewAfterRun(n: number): Promise<string> {
        await until(
          () => new RegExp(`^run ${n} took \\d+ ms`, 'm').test(output),
          `run ${n}`,
          () => output,
        )
        return output.split(/^EDA Katas · watching/m).slice(1)[n - 1] ?? ''
      },
      async stop(): Promise<number | null> {
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
        child.kill('SIGINT')
        return exited
      },
    }
  }

  it('re-runs on every save, advances when a step passes, and goes back when an earlier one breaks', async () => {
    const { root, src } = linkedScratchKata()
    const watch = startWatch(root)

    const first = await watch.viewAfterRun(1)
    expect(first).toContain('[□□] 0/2 steps')
    expect(first).toContain('✗ Step 1 · First step')
    expect(first).toContain('answers 42')

    writeFileSync(src('index.ts'), 'export const answer = (): number => 42\n')
    const second = await watch.viewAfterRun(2)
    expect(second).toContain('1/2 steps')
    expect(second).toContain('✗ Step 2 · Second step')

    writeFileSync(src('helper.ts'), 'export const stub = false\n')
    const third = await watch.viewAfterRun(3)
    expect(third).toContain('2/2 steps')
    expect(third).toContain('Every step passes')

    // Breaking step 1 again must show step 1, though step 2 still passes on its own.
    writeFileSync(src('index.ts'), 'export const answer = (): number => 41\n')
    const fourth = await watch.viewAfterRun(4)
    expect(fourth).toContain('✗ Step 1 · First step')
    expect(fourth).toContain('0/2 steps')

    expect(await watch.stop()).toBe(0)
  })

  it('stops an endless loop past the test timeout, says so, and recovers on the next save', async () => {
    const { root, src } = scratchKata()
    const config = join(root, 'katas', '01-demo', 'vitest.config.ts')
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('globals: true', 'globals: true, testTimeout: 500'),
    )
    writeFileSync(src('index.ts'), 'export const answer = (): number => {\n  while (true) {}\n}\n')
    const watch = startWatch(root)

    const stuck = await watch.viewAfterRun(1)
    expect(stuck).toContain('✗ Step 1 · First step')
    expect(stuck).toContain('is there an endless loop in your code?')

    writeFileSync(src('index.ts'), 'export const answer = (): number => 42\n')
    expect(await watch.viewAfterRun(2)).toContain('✗ Step 2 · Second step')

    expect(await watch.stop()).toBe(0)
  })

  it('notices saves by polling with --poll, and says so', async () => {
    const { root, src } = scratchKata()
    const watch = startWatch(root, '--poll')

    expect(await watch.viewAfterRun(1)).toContain('polling for changes (asked for)')
    writeFileSync(src('index.ts'), 'export const answer = (): number => 42\n')
    expect(await watch.viewAfterRun(2)).toContain('✗ Step 2 · Second step')

    expect(await watch.stop()).toBe(0)
  })
})

import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { addRunnableSpecs, createScratchRepo } from './scratch-repo.ts'
import { useTempDir } from './temp-dir.ts'
import { until } from './until.ts'

const bin = fileURLToPath(new URL('../bin/kata.js', import.meta.url))

describe('kata test and its warm test server, run as processes on a scratch repository', () => {
  const tempDir = useTempDir()
  const roots: string[] = []
  const serverLog = (root: string) => {
    const file = join(root, '.kata', 'test-server.log')
    return existsSync(file) ? readFileSync(file, 'utf8') : ''
  }
  const answered = (root: string) => (serverLog(root).match(/^\S+ answered /gm) ?? []).length
  const pids = (root: string) => [...serverLog(root).matchAll(/\(pid (\d+)\)$/gm)].map((m) => Number(m[1]))
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
  afterEach(async () => {
    for (const root of roots.splice(0)) {
      const running = pids(root).filter(alive)
      for (const pid of running) process.kill(pid, 'SIGTERM')
      await until(
        () => !running.some(alive),
        'the test servers to stop',
        () => serverLog(root),
      )
    }
  })

  const scratch = () => {
    const root = createScratchRepo(tempDir())
    roots.push(root)
    return { root, ...addRunnableSpecs(root) }
  }
  const env = (root: string, extra: Record<string, string> = {}) => ({
    ...process.env,
    NO_COLOR: '1',
    EDA_KATAS_ROOT: root,
    EDA_KATA_SERVER: '1',
    ...extra,
  })
  const kataTest = (root: string, extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, 'test', '01'], { encoding: 'utf8', env: env(root, extra) })
  const kataTestAsync = (root: string) =>
    new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'test', '01'], { env: env(root) })
      let stdout = ''
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
      })
      child.once('close', (status) => resolve({ status, stdout }))
    })
  const serverUp = (root: string) =>
    until(
      () => /serving on/.test(serverLog(root)) && /warmed up/.test(serverLog(root)),
      'the test server',
      () => serverLog(root),
    )

  it('answers later runs from a warm server, as a one-off run would, seeing every saved change', async () => {
    const { root, src, sharedValue } = scratch()

    const first = kataTest(root)
    expect(first.status).toBe(1)
    expect(first.stdout).toContain('✗ Step 1 · First step')
    await serverUp(root)

    writeFileSync(src('index.ts'), 'export const answer = (): number => 42\n')
    const second = kataTest(root)
    expect(answered(root)).toBe(1)
    expect(second.status).toBe(1)
    expect(second.stdout).toContain('1/2 steps pass')
    expect(second.stdout).toContain('✗ Step 2 · Second step')
    // The same output as a one-off run of the same code.
    expect(kataTest(root, { EDA_KATA_SERVER: '0' }).stdout).toBe(second.stdout)

    // Unchanged code, run again: module state (src/ids.ts counts calls) starts afresh.
    expect(kataTest(root).stdout).toBe(second.stdout)
    expect(answered(root)).toBe(2)

    writeFileSync(src('helper.ts'), 'export const stub = false\n')
    const third = kataTest(root)
    expect(answered(root)).toBe(3)
    expect(third.status).toBe(0)
    expect(third.stdout).toContain('solved: all 2 steps pass')

    // A file outside the kata, imported through another one (as the specs import the shared packages).
    writeFileSync(sharedValue, 'export const value = 43\n')
    const fourth = kataTest(root)
    expect(answered(root)).toBe(4)
    expect(fourth.status).toBe(1)
    expect(fourth.stdout).toContain('expected 42 to be 43')

    // Two at once: both answered, one after the other.
    const both = await Promise.all([kataTestAsync(root), kataTestAsync(root)])
    expect(both.map((r) => r.stdout)).toEqual([fourth.stdout, fourth.stdout])
    expect(answered(root)).toBe(6)
  })

  it('retries an import that failed once the missing file exists', async () => {
    const { root, src } = scratch()
    kataTest(root)
    await serverUp(root)

    writeFileSync(src('index.ts'), "export { answer } from './answer.ts'\n")
    const missing = kataTest(root)
    expect(missing.stdout).toContain('the spec file did not load')
    writeFileSync(src('answer.ts'), 'export const answer = (): number => 42\n')
    const found = kataTest(root)
    expect(found.stdout).toContain('✗ Step 2 · Second step')
    expect(answered(root)).toBe(2)
  })

  it('steps aside for another environment: the run is made in process, and a new server starts', async () => {
    const { root } = scratch()
    kataTest(root)
    await serverUp(root)
    const [firstPid] = pids(root)

    const other = kataTest(root, { FC_RUNS: '7' })
    expect(other.status).toBe(1)
    expect(other.stdout).toContain('✗ Step 1 · First step')
    expect(serverLog(root)).toContain('declined kata test 01: another environment')
    expect(answered(root)).toBe(0)
    await until(
      () => pids(root).some((pid) => pid !== firstPid && alive(pid)) && !alive(firstPid ?? 0),
      'a new test server in place of the first',
      () => serverLog(root),
    )
  })

  it('is not used with EDA_KATA_SERVER=0', () => {
    const { root } = scratch()
    const result = kataTest(root, { EDA_KATA_SERVER: '0' })
    expect(result.status).toBe(1)
    expect(existsSync(join(root, '.kata', 'test-server.log'))).toBe(false)
  })
})

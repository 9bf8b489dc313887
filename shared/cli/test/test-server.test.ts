import { spawnSync } from 'node:child_process'
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
  const serverInfo = (root: string) => join(root, '.kata', 'test-server.json')
  const serverLog = (root: string) => {
    const file = join(root, '.kata', 'test-server.log')
    return existsSync(file) ? readFileSync(file, 'utf8') : ''
  }
  const answered = (root: string) => (serverLog(root).match(/^\S+ answered /gm) ?? []).length
  afterEach(async () => {
    for (const root of roots.splice(0)) {
      if (!existsSync(serverInfo(root))) continue
      const { pid } = JSON.parse(readFileSync(serverInfo(root), 'utf8')) as { pid: number }
      process.kill(pid, 'SIGTERM')
      await until(
        () => !existsSync(serverInfo(root)),
        'the test server to stop',
        () => serverLog(root),
      )
    }
  })

  const scratch = () => {
    const root = createScratchRepo(tempDir())
    roots.push(root)
    return { root, ...addRunnableSpecs(root) }
  }
  const kataTest = (root: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, 'test', '01'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', EDA_KATAS_ROOT: root, EDA_KATA_SERVER: '1', ...env },
    })
  const serverUp = (root: string) =>
    until(
      () => /serving on/.test(serverLog(root)) && /warmed up/.test(serverLog(root)),
      'the test server',
      () => serverLog(root),
    )

  it('answers later runs from a warm server that sees every saved change, in the kata and outside it', async () => {
    const { root, src, shared } = scratch()

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

    writeFileSync(src('helper.ts'), 'export const stub = false\n')
    const third = kataTest(root)
    expect(answered(root)).toBe(2)
    expect(third.status).toBe(0)
    expect(third.stdout).toContain('solved: all 2 steps pass')

    // A file outside the kata that a spec imports (as the specs import the shared packages).
    writeFileSync(shared, 'export const expected = 43\n')
    const fourth = kataTest(root)
    expect(answered(root)).toBe(3)
    expect(fourth.status).toBe(1)
    expect(fourth.stdout).toContain('✗ Step 1 · First step')
    expect(fourth.stdout).toContain('expected 42 to be 43')
  })

  it('steps aside for another environment: the run is made in process, and a new server starts', async () => {
    const { root } = scratch()
    kataTest(root)
    await serverUp(root)
    const firstPid = (JSON.parse(readFileSync(serverInfo(root), 'utf8')) as { pid: number }).pid

    const other = kataTest(root, { FC_RUNS: '7' })
    expect(other.status).toBe(1)
    expect(other.stdout).toContain('✗ Step 1 · First step')
    expect(serverLog(root)).toContain('declined kata test 01: another environment')
    expect(answered(root)).toBe(0)
    await until(
      () =>
        existsSync(serverInfo(root)) &&
        (JSON.parse(readFileSync(serverInfo(root), 'utf8')) as { pid: number }).pid !== firstPid,
      'a new test server',
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

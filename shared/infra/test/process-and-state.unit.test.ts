import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { withFileLock } from '../src/file-lock.ts'
import { fileStateStore } from '../src/file-state-store.ts'
import { EMPTY_STATE } from '../src/infra-state.ts'
import { isProcessAlive, processCommandLine, terminateProcess } from '../src/process-control.ts'
import { plantedRecord } from './support/fake-infra.ts'

const dirs: string[] = []
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'eda-infra-test-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

describe('process control', () => {
  it('sees a process by its command line, and terminates it with SIGTERM', async () => {
    const marker = `eda-infra-test-${process.pid}`
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', marker], { stdio: 'ignore' })
    const pid = child.pid ?? -1

    expect(isProcessAlive(pid)).toBe(true)
    expect(processCommandLine(pid)).toContain(marker)

    expect(await terminateProcess(pid, { graceMs: 5_000 })).toBe('exited')
    expect(isProcessAlive(pid)).toBe(false)
    expect(await terminateProcess(pid)).toBe('not-running')
  })

  it('does not consider an impossible pid alive', () => {
    expect(isProcessAlive(-1)).toBe(false)
    expect(isProcessAlive(2 ** 30)).toBe(false)
  })
})

describe('the state file', () => {
  it('reads as empty when missing or unreadable, and round-trips what was written', async () => {
    const dir = await tempDir()
    const store = fileStateStore(dir)
    expect(await store.read()).toEqual(EMPTY_STATE)

    const state = { version: 1 as const, services: { kafka: plantedRecord('kafka') } }
    await store.write(state)
    expect(await store.read()).toEqual(state)

    await writeFile(join(dir, 'state.json'), '{ not json')
    expect(await store.read()).toEqual(EMPTY_STATE)
  })

  it('runs locked work one at a time, and releases the lock after', async () => {
    const dir = await tempDir()
    const lock = join(dir, 'lock')
    const order: string[] = []
    const work = (name: string) => async () => {
      order.push(`${name} in`)
      await new Promise((resolve) => setImmediate(resolve))
      order.push(`${name} out`)
    }

    await Promise.all([withFileLock(lock, work('a')), withFileLock(lock, work('b'))])

    expect(order).toEqual(['a in', 'a out', 'b in', 'b out'])
    await expect(readFile(lock)).rejects.toThrow(/ENOENT/)
  })

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await tempDir()
    const lock = join(dir, 'lock')
    await writeFile(lock, String(2 ** 30))

    await expect(withFileLock(lock, async () => 'done', { timeoutMs: 1_000 })).resolves.toBe('done')
  })
})

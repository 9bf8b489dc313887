import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'

/**
 * Whether a process exists and has not exited. An exited child that its parent (here often a
 * slow PID 1 in a container) has not reaped yet is a zombie: it still answers `kill(pid, 0)`, so
 * on Linux the state letter in /proc decides.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state !== 'Z' && state !== 'X'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && process.platform === 'linux') return false
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The command line of a process, to make sure a recorded pid still is what we started. */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
  } catch {
    // Not Linux (macOS): ask ps, which exists there.
    const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8', timeout: 5_000 })
    const out = ps.status === 0 ? ps.stdout.trim() : ''
    return out === '' ? undefined : out
  }
}

export type TerminateOutcome = 'exited' | 'killed' | 'not-running'

/** SIGTERM (a clean shutdown), poll until it is gone, SIGKILL after `graceMs`. */
export async function terminateProcess(
  pid: number,
  { graceMs = 30_000, pollMs = 50, killWaitMs = 5_000 } = {},
): Promise<TerminateOutcome> {
  if (!isProcessAlive(pid)) return 'not-running'
  if (!signal(pid, 'SIGTERM')) return 'not-running'
  if (await waitForExit(pid, graceMs, pollMs)) return 'exited'
  signal(pid, 'SIGKILL')
  await waitForExit(pid, killWaitMs, pollMs)
  return 'killed'
}

/** Polls until the process is gone; true if it went within `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number, pollMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false
    await delay(pollMs)
  }
  return true
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name)
    return true
  } catch {
    return false
  }
}

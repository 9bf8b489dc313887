import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { isProcessAlive } from './process-control.ts'

/** Another `pnpm infra` kept the lock longer than we were willing to wait. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError'
  constructor(
    readonly lockFile: string,
    readonly holderPid: number | undefined,
    readonly timeoutMs: number,
  ) {
    super(
      `another pnpm infra (pid ${holderPid ?? '?'}) held ${lockFile} for more than ${Math.round(timeoutMs / 1000)} s; ` +
        'if no such process runs, delete the file',
    )
  }
}

export interface FileLockOptions {
  readonly timeoutMs?: number
  /** Told once when the lock is busy, so a waiting command does not look hung. */
  readonly onWait?: (holderPid: number | undefined) => void
}

const inProcess = new Map<string, Promise<void>>()

/**
 * Runs `work` holding an exclusive lock file containing our pid. A lock left by a process that
 * no longer runs is taken over: a killed command must not block the next one forever.
 */
export function withFileLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  // Callers in one process queue here; the file only arbitrates between processes.
  const previous = inProcess.get(lockFile) ?? Promise.resolve()
  const next = previous.then(() => holdFileLock(lockFile, work, options))
  const settled = next.then(
    () => undefined,
    () => undefined,
  )
  inProcess.set(lockFile, settled)
  void settled.then(() => {
    if (inProcess.get(lockFile) === settled) inProcess.delete(lockFile)
  })
  return next
}

async function holdFileLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  { timeoutMs = 12 * 60_000, onWait }: FileLockOptions,
): Promise<T> {
  await mkdir(dirname(lockFile), { recursive: true })
  const deadline = Date.now() + timeoutMs
  let told = false
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = await lockHolder(lockFile)
    // An empty file may be a lock being written this instant; only an old empty one is stale.
    const stale = holder === undefined ? await olderThan(lockFile, 5_000) : !isProcessAlive(holder)
    if (stale) {
      await unlink(lockFile).catch(() => undefined)
      continue
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(lockFile, holder, timeoutMs)
    if (!told) onWait?.(holder)
    told = true
    await delay(200)
  }
  try {
    return await work()
  } finally {
    await unlink(lockFile).catch(() => undefined)
  }
}

async function lockHolder(lockFile: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(lockFile, 'utf8')).trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > ms
  } catch {
    return true
  }
}

import { existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** How file changes are noticed: native file events, or polling where those do not arrive. */
export type WatchMode = { readonly poll: false } | { readonly poll: true; readonly reason: string }

const isWsl = () => {
  try {
    return /microsoft/i.test(readFileSync('/proc/version', 'utf8'))
  } catch {
    return false
  }
}

/**
 * Native events fail silently on WSL's Windows drives, network and some container mounts: a watch
 * that never fires. Ask for polling (`--poll`, EDA_WATCH_POLL=1), or let a probe decide: write a
 * file beside the kata and see whether an event arrives within a second.
 */
export async function chooseWatchMode(kataDir: string, args: readonly string[]): Promise<WatchMode> {
  if (args.includes('--poll') || process.env.EDA_WATCH_POLL === '1')
    return { poll: true, reason: 'asked for' }
  if (isWsl() && kataDir.startsWith('/mnt/')) return { poll: true, reason: 'WSL on a Windows drive' }
  const dir = join(kataDir, 'node_modules', '.cache', 'kata-watch-probe')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'probe.txt')
  const fired = await new Promise<boolean>((resolve) => {
    let watcher: ReturnType<typeof watch> | undefined
    const done = (value: boolean) => {
      clearTimeout(timer)
      watcher?.close()
      resolve(value)
    }
    const timer = setTimeout(() => done(false), 1_000)
    try {
      watcher = watch(dir, () => done(true))
      writeFileSync(file, String(Date.now()))
    } catch {
      done(false)
    }
  })
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true })
  return fired ? { poll: false } : { poll: true, reason: 'file events do not arrive here' }
}

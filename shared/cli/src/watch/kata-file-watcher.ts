import { existsSync, type FSWatcher, statSync, watch } from 'node:fs'
import { join } from 'node:path'
import { filesUnder } from '../curriculum/files-under.ts'
import type { WatchMode } from './watch-mode.ts'

/** Files whose change re-runs the specs; editors' swap, backup and probe files are not among them. */
const SOURCE_FILE = /^[^.~#][^~#]*\.(ts|tsx|mts|cts|js|mjs|cjs|json)$/

const isSource = (path: string) => SOURCE_FILE.test(path.split(/[\\/]/).pop() ?? '')

/** Every source file under the folders, with a stamp that changes when the file does. */
function snapshot(dirs: readonly string[]): Map<string, string> {
  const stamps = new Map<string, string>()
  for (const path of dirs.flatMap(filesUnder)) {
    if (!isSource(path)) continue
    try {
      const stat = statSync(path)
      stamps.set(path, `${stat.mtimeMs}:${stat.size}`)
    } catch {
      // deleted since the listing: the next poll sees it gone
    }
  }
  return stamps
}

/**
 * Calls `onChange` with the files that changed under the folders (created, edited or deleted),
 * through native file events or, where those do not arrive, by polling every 250 ms. Changes that
 * arrive together (an editor's write-then-rename save) are reported once, after 15 ms of quiet.
 */
export function watchKataFiles(
  dirs: readonly string[],
  mode: WatchMode,
  onChange: (paths: string[]) => void,
): { close(): void } {
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const note = (path: string) => {
    if (!isSource(path)) return
    changed.add(path)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const paths = [...changed]
      changed.clear()
      onChange(paths)
    }, 15)
  }

  if (mode.poll) {
    let before = snapshot(dirs)
    const poller = setInterval(() => {
      const now = snapshot(dirs)
      for (const [path, stamp] of now) if (before.get(path) !== stamp) note(path)
      for (const path of before.keys()) if (!now.has(path)) note(path)
      before = now
    }, 250)
    return {
      close() {
        clearInterval(poller)
        clearTimeout(timer)
      },
    }
  }

  const watchers: FSWatcher[] = dirs
    .filter((dir) => existsSync(dir))
    .map((dir) => watch(dir, { recursive: true }, (_event, name) => name && note(join(dir, name))))
  return {
    close() {
      for (const watcher of watchers) watcher.close()
      clearTimeout(timer)
    },
  }
}

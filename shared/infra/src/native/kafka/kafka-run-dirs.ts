import { existsSync, readdirSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'

export const RUN_DIR_PREFIX = 'eda-kafka-'

/**
 * Removes run folders of brokers stopped more than a day ago. `down` deletes a run's data but keeps
 * its small log for a post-mortem; without this, the temp dir would collect one folder per start.
 * A folder that still has data belongs to a broker that may be running (any clone): it stays.
 */
export async function pruneOldRunDirs(runsDir: string, maxAgeMs = 24 * 60 * 60_000): Promise<void> {
  let names: string[]
  try {
    names = readdirSync(runsDir).filter((name) => name.startsWith(RUN_DIR_PREFIX))
  } catch {
    return
  }
  for (const name of names) {
    const dir = join(runsDir, name)
    try {
      if (existsSync(join(dir, 'data')) || Date.now() - statSync(dir).mtimeMs < maxAgeMs) continue
      await rm(dir, { recursive: true, force: true })
    } catch {
      // Another user's folder, or gone meanwhile: not ours to worry about.
    }
  }
}

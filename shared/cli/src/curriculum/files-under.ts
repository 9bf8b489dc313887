import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const isFile = (path: string) => {
  try {
    return statSync(path).isFile()
  } catch {
    return false // removed between the listing and the look
  }
}

/** Every file under a folder, at any depth, sorted; none when the folder does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter(isFile)
    .sort()
}

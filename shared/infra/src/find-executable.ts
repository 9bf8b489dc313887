import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

// Server commands live in sbin, which a normal user's PATH often lacks (Debian: rabbitmq-server).
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin', '/opt/homebrew/bin', '/opt/homebrew/sbin']

/** The full path of a program on PATH (or in the usual sbin folders), or undefined. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(delimiter), ...EXTRA_DIRS].filter((dir) => dir !== '')
  for (const dir of dirs) {
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

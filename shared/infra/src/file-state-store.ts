import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type FileLockOptions, withFileLock } from './file-lock.ts'
import { EMPTY_STATE, type InfraState, type StateStore } from './infra-state.ts'

/** The state as `state.json` in `.kata/infra/`, written atomically, changed under a lock file. */
export function fileStateStore(stateDir: string, lockOptions: FileLockOptions = {}): StateStore {
  const file = join(stateDir, 'state.json')
  return {
    async read() {
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch {
        return EMPTY_STATE
      }
      try {
        const parsed = JSON.parse(text) as Partial<InfraState>
        return parsed.version === 1 && typeof parsed.services === 'object' && parsed.services !== null
          ? { version: 1, services: parsed.services }
          : EMPTY_STATE
      } catch {
        // A hand-edited or truncated file: forget it rather than fail every command.
        return EMPTY_STATE
      }
    },
    async write(state) {
      await mkdir(stateDir, { recursive: true })
      const temp = `${file}.${process.pid}.tmp`
      await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`)
      await rename(temp, file)
    },
    withLock: (work) => withFileLock(join(stateDir, 'lock'), work, lockOptions),
  }
}

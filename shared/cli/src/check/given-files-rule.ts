import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { filesUnder } from '../curriculum/files-under.ts'
import type { CheckItem } from './check-result.ts'

// A stub file says what is left to do by throwing this; a file without it is handed over as is.
const STUB_MARKER = 'NotImplementedError'

/**
 * What the kata hands the learner finished (types, errors, a given event log, the index) must be
 * what the reference runs with: a helper fixed in one copy only would let the reference pass where
 * the learner's code, correct or not, runs on the other copy.
 */
export function givenFilesRule(pristineStubDir: string, referenceSrcDir: string): CheckItem[] {
  const items: CheckItem[] = []
  for (const path of filesUnder(pristineStubDir)) {
    const file = relative(pristineStubDir, path).split('\\').join('/')
    const given = readFileSync(path, 'utf8')
    if (given.includes(STUB_MARKER)) continue
    const referencePath = join(referenceSrcDir, file)
    const reference = existsSync(referencePath) ? readFileSync(referencePath, 'utf8') : undefined
    const problem =
      reference === undefined
        ? 'the kata hands it over but the reference has no such file'
        : reference !== given
          ? "differs from the reference's copy: change both, or mark what is left to do with NotImplementedError"
          : undefined
    items.push({
      check: 'static',
      subject: `given src/${file}`,
      ok: problem === undefined,
      ...(problem ? { detail: problem } : {}),
    })
  }
  return items
}

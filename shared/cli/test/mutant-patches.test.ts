import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mutantSources, StaleMutantError } from '../src/check/mutant-patches.ts'
import { useTempDir } from './temp-dir.ts'

const BUS =
  "import { match } from './matcher.ts'\nexport function publish(event: string) {\n  return match(event)\n}\n"
const PATCH = [
  '--- a/bus.ts',
  '+++ b/bus.ts',
  '@@ -1,4 +1,4 @@',
  " import { match } from './matcher.ts'",
  ' export function publish(event: string) {',
  '-  return match(event)',
  '+  return false',
  ' }',
  '',
].join('\n')

describe('mutants as patches against the reference', () => {
  const tempDir = useTempDir()

  function setup(bus = BUS) {
    const root = tempDir()
    const [src, mutant] = [join(root, 'src'), join(root, 'mutants', 'never-matches')]
    mkdirSync(src, { recursive: true })
    mkdirSync(mutant, { recursive: true })
    writeFileSync(join(src, 'bus.ts'), bus)
    writeFileSync(join(src, 'matcher.ts'), 'export const match = (e: string) => e.length > 0\n')
    writeFileSync(join(mutant, 'bus.ts.patch'), PATCH)
    writeFileSync(join(mutant, 'mutant.json'), '{ "bug": "never matches" }\n')
    return { src, mutant }
  }

  it('serves the patched file at the path of the file it replaces, and only that one', () => {
    const { src, mutant } = setup()
    expect(mutantSources(src, mutant, 'never-matches')).toEqual(
      new Map([[join(src, 'bus.ts'), BUS.replace('return match(event)', 'return false')]]),
    )
  })

  it('refuses a patch the reference has moved away from, naming the mutant and the file', () => {
    const { src, mutant } = setup(BUS.replace('return match(event)', 'return match(event.trim())'))
    expect(() => mutantSources(src, mutant, 'never-matches')).toThrow(StaleMutantError)
    expect(() => mutantSources(src, mutant, 'never-matches')).toThrow(/never-matches.*src\/bus\.ts/)
  })

  it('refuses a patch for a file the reference does not have', () => {
    const { src, mutant } = setup()
    writeFileSync(join(mutant, 'gone.ts.patch'), PATCH.replaceAll('bus.ts', 'gone.ts'))
    expect(() => mutantSources(src, mutant, 'never-matches')).toThrow(/src\/gone\.ts/)
  })
})

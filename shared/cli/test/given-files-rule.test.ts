import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { givenFilesRule } from '../src/check/given-files-rule.ts'
import { useTempDir } from './temp-dir.ts'

const TYPES = 'export interface Cart { readonly id: string }\n'
const STUB =
  "import { NotImplementedError } from '@eda/testkit'\nexport function add() { throw new NotImplementedError('add', 'x') }\n"

describe('files a kata hands over finished', () => {
  const tempDir = useTempDir()

  function folders(stub: Record<string, string>, reference: Record<string, string>) {
    const root = tempDir()
    const [stubDir, referenceDir] = [join(root, 'stub'), join(root, 'reference')]
    for (const [dir, files] of [
      [stubDir, stub],
      [referenceDir, reference],
    ] as const) {
      mkdirSync(dir, { recursive: true })
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
    }
    return givenFilesRule(stubDir, referenceDir)
  }

  it('passes a given file identical to the reference, and ignores stub files', () => {
    expect(
      folders(
        { 'types.ts': TYPES, 'cart.ts': STUB },
        { 'types.ts': TYPES, 'cart.ts': 'export function add() {}\n' },
      ),
    ).toEqual([{ check: 'static', subject: 'given src/types.ts', ok: true }])
  })

  it('flags a given file that drifted from the reference', () => {
    const [item] = folders({ 'types.ts': TYPES }, { 'types.ts': TYPES.replace('id', 'cartId') })
    expect(item).toMatchObject({ subject: 'given src/types.ts', ok: false })
    expect(item?.detail).toContain('differs')
  })

  it('flags a given file the reference does not have', () => {
    const [item] = folders({ 'types.ts': TYPES }, {})
    expect(item).toMatchObject({ subject: 'given src/types.ts', ok: false })
    expect(item?.detail).toContain('no such file')
  })
})

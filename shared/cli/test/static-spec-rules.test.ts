import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { staticSpecRules } from '../src/check/static-spec-rules.ts'
import { useTempDir } from './temp-dir.ts'

describe('static rules for spec files', () => {
  const tempDir = useTempDir()

  it('passes a spec that imports from #impl and runs every test', () => {
    const dir = tempDir()
    writeFileSync(join(dir, '01-ok.spec.ts'), "import { x } from '#impl'\nit('works', () => {})\n")
    expect(staticSpecRules(dir)).toEqual([{ check: 'static', subject: '01-ok.spec.ts', ok: true }])
  })

  it.each([
    ['it.only(', 'focused'],
    ['describe.skip(', 'skipped'],
    ['it.todo(', 'todo'],
    ['xit(', 'skipped'],
    ["import { x } from '../src/index.ts'", "import from '#impl'"],
  ])('flags %j with its line number', (line, words) => {
    const dir = tempDir()
    writeFileSync(join(dir, '02-bad.spec.ts'), `// a spec\n${line}\n`)
    const [item] = staticSpecRules(dir)
    expect(item?.ok).toBe(false)
    expect(item?.detail).toContain('line 2')
    expect(item?.detail).toContain(words)
  })
})

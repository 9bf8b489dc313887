import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createScratchRepo, kataIn } from './scratch-repo.ts'
import { useTempDir } from './temp-dir.ts'

describe('kata sweep, run as a process on a scratch repository', () => {
  const tempDir = useTempDir()

  it('catches a stubbed function a spec needs, and names the one no spec checks', () => {
    const root = createScratchRepo(tempDir())
    const write = (path: string, content: string) => writeFileSync(join(root, path), content)
    write(
      'katas/01-demo/src/index.ts',
      [
        "export const answer = (): number => {\n  throw new Error('NotImplementedError: answer')\n}",
        "export function unused(): number {\n  throw new Error('NotImplementedError: unused')\n}",
        '',
      ].join('\n'),
    )
    write(
      'solutions/01-demo/src/index.ts',
      'export const answer = (): number => 42\nexport function unused(): number {\n  return 1\n}\n',
    )
    write(
      'katas/01-demo/vitest.config.ts',
      "export default { test: { globals: true, include: ['spec/**/*.spec.ts'] } }\n",
    )
    mkdirSync(join(root, 'katas/01-demo/spec'), { recursive: true })
    write(
      'katas/01-demo/spec/01-first.spec.ts',
      "import { answer } from '#impl'\nit('answers 42', () => expect(answer()).toBe(42))\n",
    )
    write('katas/01-demo/spec/02-second.spec.ts', "it('holds', () => expect(1).toBe(1))\n")
    // The sweep reads the stub as committed.
    execFileSync('git', ['add', '.'], { cwd: root })
    execFileSync(
      'git',
      ['-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-qm', 'stubs and specs'],
      {
        cwd: root,
      },
    )

    const result = kataIn(root, 'sweep', '01')

    expect(result.stdout).toMatch(/✓ 01-demo src\/index\.ts answer caught by 01-first\.spec\.ts > answers 42/)
    expect(result.stdout).toMatch(/✗ 01-demo src\/index\.ts unused: every spec passes with its body stubbed/)
    expect(result.stdout).toContain('kata sweep: 1 of 2 stubbed functions caught — 1 not')
    expect(result.status).toBe(1)
  })

  it('says what to type when no kata is named', () => {
    const result = kataIn(createScratchRepo(tempDir()), 'sweep')
    expect(result.stderr).toContain('pnpm kata sweep <kata...|--all>')
    expect(result.status).not.toBe(0)
  })
})

import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { materialisePristineStub } from '../src/check/pristine-stub.ts'
import { useTempDir } from './temp-dir.ts'

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], {
    cwd,
    stdio: 'pipe',
  })

describe('the pristine stub', () => {
  const tempDir = useTempDir()
  const savedRef = process.env.EDA_STUB_REF
  afterEach(() => {
    if (savedRef === undefined) delete process.env.EDA_STUB_REF
    else process.env.EDA_STUB_REF = savedRef
  })

  function repoWithStub() {
    delete process.env.EDA_STUB_REF
    const root = tempDir()
    const kataDir = join(root, 'katas', '01-x')
    mkdirSync(join(kataDir, 'src'), { recursive: true })
    writeFileSync(join(kataDir, 'src', 'index.ts'), 'stub\n')
    git(root, 'init', '-q')
    git(root, 'add', '.')
    git(root, 'commit', '-qm', 'stub')
    return { root, kataDir, target: join(root, 'out') }
  }

  it("ignores the learner's uncommitted edits: the stub comes from the last commit", () => {
    const { root, kataDir, target } = repoWithStub()
    writeFileSync(join(kataDir, 'src', 'index.ts'), 'my solution\n')
    writeFileSync(join(kataDir, 'src', 'extra.ts'), 'my helper\n')
    const stub = materialisePristineStub(root, kataDir, target)
    expect(stub.source).toMatch(/^git [0-9a-f]{12}$/)
    expect(readFileSync(join(target, 'index.ts'), 'utf8')).toBe('stub\n')
    expect(() => readFileSync(join(target, 'extra.ts'))).toThrow()
    expect(readFileSync(join(kataDir, 'src', 'index.ts'), 'utf8')).toBe('my solution\n')
  })

  it("ignores the learner's commits: the stub comes from where their branch left upstream", () => {
    const upstream = repoWithStub()
    const clone = join(tempDir(), 'clone')
    git(upstream.root, 'clone', '-q', upstream.root, clone)
    const kataDir = join(clone, 'katas', '01-x')
    writeFileSync(join(kataDir, 'src', 'index.ts'), 'my committed solution\n')
    git(clone, 'commit', '-qam', 'solved kata 01')
    materialisePristineStub(clone, kataDir, join(clone, 'out'))
    expect(readFileSync(join(clone, 'out', 'index.ts'), 'utf8')).toBe('stub\n')
  })

  it('uses the working tree for a kata not committed yet, or when asked to', () => {
    const { root, kataDir, target } = repoWithStub()
    writeFileSync(join(kataDir, 'src', 'index.ts'), 'edited stub\n')
    process.env.EDA_STUB_REF = 'worktree'
    expect(materialisePristineStub(root, kataDir, target).source).toBe('working tree')
    expect(readFileSync(join(target, 'index.ts'), 'utf8')).toBe('edited stub\n')
  })
})

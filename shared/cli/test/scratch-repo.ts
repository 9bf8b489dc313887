import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../bin/kata.js', import.meta.url))

const files: Record<string, string> = {
  'katas/01-demo/kata.json': JSON.stringify({
    name: 'demo',
    order: 1,
    title: 'Demo kata',
    summary: 'A kata for the CLI tests.',
    minutes: 10,
    steps: [
      { spec: '01-first.spec.ts', title: 'First step' },
      { spec: '02-second.spec.ts', title: 'Second step' },
    ],
  }),
  'katas/01-demo/src/index.ts': "export const answer = (): number => {\n  throw new Error('TODO')\n}\n",
  'katas/01-demo/src/helper.ts': 'export const stub = true\n',
  'katas/01-demo/README.md': '# Demo\n',
  'katas/01-demo/HINTS.md': [
    '# Hints',
    '',
    '## Step 1 · First step',
    '- **Nudge:** think about it.',
    '- **Approach:** write it',
    '  over two lines.',
    '- **Near-solution:** return 42.',
    '',
    '## Step 2 · Second step',
    '- **Nudge:** again.',
    '- **Approach:** again.',
    '- **Near-solution:** again.',
    '',
  ].join('\n'),
  'solutions/01-demo/src/index.ts': 'export const answer = (): number => 42\n',
  'solutions/01-demo/src/conformance.ts': '// not for learners\n',
  'solutions/01-demo/NOTES.md': '# Notes\nWhy 42.\n',
}

/** A small repository with one committed kata, for running the CLI without touching the real one. */
export function createScratchRepo(root: string): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], {
      cwd: root,
      stdio: 'pipe',
    })
  git('init', '-q')
  git('add', '.')
  git('commit', '-qm', 'katas')
  return root
}

/**
 * Gives the scratch kata spec files that Vitest can run with nothing installed beside the
 * repository: Vitest's globals, and no imports but the kata's own files and two shared files
 * outside the kata (as the real specs import the shared packages): the spec imports
 * `shared/answer-check.ts`, which imports `shared/answer-value.ts`. Step 1 passes once `answer()`
 * returns 42 (and keeps passing on every run only if module state starts afresh: `src/ids.ts`
 * counts calls); step 2 once `stub` is false.
 */
export function addRunnableSpecs(root: string): { src: (file: string) => string; sharedValue: string } {
  const kataDir = join(root, 'katas', '01-demo')
  const sharedDir = join(root, 'shared')
  mkdirSync(sharedDir, { recursive: true })
  writeFileSync(join(sharedDir, 'answer-value.ts'), 'export const value = 42\n')
  writeFileSync(join(sharedDir, 'answer-check.ts'), "export { value as expected } from './answer-value.ts'\n")
  writeFileSync(
    join(kataDir, 'src', 'ids.ts'),
    'let issued = 0\nexport const nextId = (): number => ++issued\n',
  )
  writeFileSync(
    join(kataDir, 'vitest.config.ts'),
    "export default { test: { globals: true, isolate: false, include: ['spec/**/*.spec.ts'] } }\n",
  )
  mkdirSync(join(kataDir, 'spec'), { recursive: true })
  writeFileSync(
    join(kataDir, 'spec', '01-first.spec.ts'),
    [
      "import { expected } from '../../../shared/answer-check.ts'",
      "import { nextId } from '../src/ids.ts'",
      "import { answer } from '../src/index.ts'",
      "it('answers 42', () => expect(answer()).toBe(expected))",
      "it('counts from one in every run', () => expect(nextId()).toBe(1))",
      '',
    ].join('\n'),
  )
  writeFileSync(
    join(kataDir, 'spec', '02-second.spec.ts'),
    "import { stub } from '../src/helper.ts'\nit('is no longer a stub', () => expect(stub).toBe(false))\n",
  )
  return { src: (file) => join(kataDir, 'src', file), sharedValue: join(sharedDir, 'answer-value.ts') }
}

/**
 * Runs `kata ...` as a process against the scratch repository, piped and without colour, and
 * without the test server (its own tests turn it on).
 */
export function kataIn(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', EDA_KATAS_ROOT: root, EDA_KATA_SERVER: '0' },
    stdin: 'ignore',
  } as Parameters<typeof spawnSync>[2] & { encoding: 'utf8' })
}

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mutantOverlayPlugin } from '../src/check/mutant-overlay-plugin.ts'
import { useTempDir } from './temp-dir.ts'

type ResolveHook = (
  this: { resolve: (source: string, importer?: string) => Promise<{ id: string } | null> },
  source: string,
  importer: string | undefined,
  options: object,
) => Promise<{ id: string } | string | null>

describe('the mutant overlay plugin', () => {
  const tempDir = useTempDir()

  function setup() {
    const root = tempDir()
    const src = join(root, 'src')
    const mutant = join(root, 'mutants', 'bug')
    mkdirSync(src, { recursive: true })
    mkdirSync(mutant, { recursive: true })
    for (const f of ['index.ts', 'bus.ts', 'matcher.ts']) writeFileSync(join(src, f), '')
    writeFileSync(join(mutant, 'bus.ts'), '')
    const plugin = mutantOverlayPlugin(src, mutant)
    // A stand-in for Vite's resolver: relative paths against the importer's folder.
    const context = {
      resolve: async (source: string, importer?: string) =>
        source.startsWith('.') && importer ? { id: join(importer, '..', source) } : { id: source },
    }
    const resolveId = (source: string, importer?: string) =>
      (plugin.resolveId as unknown as ResolveHook).call(context, source, importer, {})
    return { src, mutant, resolveId }
  }

  it('swaps a reference file for the mutant file of the same name', async () => {
    const { src, mutant, resolveId } = setup()
    await expect(resolveId('./bus.ts', join(src, 'index.ts'))).resolves.toBe(join(mutant, 'bus.ts'))
  })

  it('keeps reference files the mutant does not replace', async () => {
    const { src, resolveId } = setup()
    await expect(resolveId('./matcher.ts', join(src, 'index.ts'))).resolves.toEqual({
      id: join(src, 'matcher.ts'),
    })
  })

  it('lets the mutant file import the original it replaces', async () => {
    const { src, mutant, resolveId } = setup()
    await expect(resolveId('../../src/bus.ts', join(mutant, 'bus.ts'))).resolves.toEqual({
      id: join(src, 'bus.ts'),
    })
  })

  it('leaves bare package imports alone', async () => {
    const { src, resolveId } = setup()
    await expect(resolveId('rxjs', join(src, 'bus.ts'))).resolves.toBeNull()
  })
})

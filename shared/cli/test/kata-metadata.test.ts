import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readKataMetadata } from '../src/curriculum/kata-metadata.ts'
import { KataMetadataError } from '../src/curriculum/kata-metadata-error.ts'
import { useTempDir } from './temp-dir.ts'

const valid = {
  name: 'pub-sub',
  order: 1,
  title: 'Publish/subscribe',
  summary: 'An event bus.',
  minutes: 90,
  services: [],
  concepts: ['pub/sub'],
  steps: [{ spec: '01-topic-matching.spec.ts', title: 'Match topics' }],
}

describe('kata.json', () => {
  const tempDir = useTempDir()
  const write = (content: unknown) => {
    const dir = join(tempDir(), 'kata')
    mkdirSync(dir)
    writeFileSync(join(dir, 'kata.json'), typeof content === 'string' ? content : JSON.stringify(content))
    return dir
  }

  it('reads a valid file, with defaults for the optional lists', () => {
    const meta = readKataMetadata(write(valid))
    expect(meta).toMatchObject({ name: 'pub-sub', order: 1, minutes: 90, redAllowList: [] })
    expect(meta.steps).toEqual([{ spec: '01-topic-matching.spec.ts', title: 'Match topics' }])
  })

  it.each([
    ['missing file', undefined, 'is missing or not valid JSON'],
    ['broken JSON', '{', 'is missing or not valid JSON'],
    ['no steps', { ...valid, steps: [] }, '"steps" must be a non-empty array'],
    ['a badly named spec', { ...valid, steps: [{ spec: 'topic.ts', title: 'x' }] }, 'steps[0].spec'],
    ['an unknown service', { ...valid, services: ['nats'] }, '"services" must list services'],
    [
      'an allow-list entry with no reason',
      { ...valid, redAllowList: [{ test: 'x', reason: ' ' }] },
      'reason',
    ],
    ['a negative order', { ...valid, order: -1 }, '"order" must be an integer'],
  ])('rejects %s with a KataMetadataError naming the problem', (_case, content, reason) => {
    const dir = content === undefined ? tempDir() : write(content)
    const error = (() => {
      try {
        readKataMetadata(dir)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(KataMetadataError)
    expect((error as KataMetadataError).message).toContain(reason)
    expect((error as KataMetadataError).file).toBe(join(dir, 'kata.json'))
  })
})

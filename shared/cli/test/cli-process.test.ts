import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../bin/kata.js', import.meta.url))
const kata = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for terminal colour codes
const ANSI = /\u001b\[/

describe('the kata CLI as a process', () => {
  it('lists the curriculum and the next thing to do, without colour when piped', () => {
    const result = kata('list')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('01-pub-sub')
    expect(result.stdout).toContain('Publish/subscribe')
    expect(result.stdout).toMatch(/Next:|Every kata is solved/)
    expect(result.stdout).not.toMatch(ANSI)
  })

  it('prints help with every command', () => {
    const result = kata('--help')
    expect(result.status).toBe(0)
    for (const command of ['kata test <kata>', 'kata check', 'kata verify'])
      expect(result.stdout).toContain(command)
  })

  it('says what to type instead of an unknown kata, with exit code 2', () => {
    const result = kata('test', 'no-such-kata')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('no kata "no-such-kata"')
    expect(result.stderr).toContain('pnpm kata')
  })

  it('rejects an unknown command with exit code 2', () => {
    const result = kata('frobnicate')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('unknown command "frobnicate"')
  })
})

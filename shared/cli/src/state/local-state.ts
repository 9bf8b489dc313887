import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../curriculum/workspace.ts'

/**
 * What the CLI remembers between runs, in `.kata/state.json` (gitignored, per clone). Nothing in it
 * is trusted blindly: a status is kept with the fingerprint of the code it was computed for.
 */
export interface LocalState {
  status: Record<string, { fingerprint: string; status: unknown }>
  /** Hint levels shown, per kata and step index: 1 = nudge, 2 = approach, 3 = near-solution. */
  hints: Record<string, Record<string, number>>
  drill?: { kata: string; dir: string; startedAt: string; minutes: number }
}

export const stateDir = () => join(repoRoot, '.kata')
const statePath = () => join(stateDir(), 'state.json')

export function readState(): LocalState {
  try {
    const raw = JSON.parse(readFileSync(statePath(), 'utf8')) as Partial<LocalState>
    return { status: raw.status ?? {}, hints: raw.hints ?? {}, ...(raw.drill ? { drill: raw.drill } : {}) }
  } catch {
    return { status: {}, hints: {} }
  }
}

/** Read, change, write back; written to a temporary file first so a crash never leaves half a file. */
export function updateState(change: (state: LocalState) => void): LocalState {
  const state = readState()
  change(state)
  mkdirSync(stateDir(), { recursive: true })
  const tmp = `${statePath()}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`)
  renameSync(tmp, statePath())
  return state
}

import { findKata, type Kata } from '../curriculum/workspace.ts'
import { UsageError } from './command.ts'

/** The kata named on the command line, or a UsageError that says what to type. */
export function requireKata(query: string | undefined, usage: string): Kata {
  if (!query) throw new UsageError(`name a kata: ${usage} (see the list with: pnpm kata)`)
  const kata = findKata(query)
  if (!kata) throw new UsageError(`no kata "${query}"; type a number or name from the list: pnpm kata`)
  return kata
}

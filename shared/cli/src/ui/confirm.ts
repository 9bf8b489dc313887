import { createInterface } from 'node:readline/promises'
import { UsageError } from '../commands/command.ts'

/**
 * Asks a yes/no question on a terminal. Without one (piped, CI) nothing is assumed: the command
 * must be given `--yes`, and the error says so.
 */
export async function confirm(question: string, args: readonly string[]): Promise<boolean> {
  if (args.includes('--yes') || args.includes('-y')) return true
  if (!process.stdin.isTTY) throw new UsageError(`${question} Not a terminal: add --yes to confirm.`)
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    const answer = await rl.question(`${question} [y/N] `)
    return /^y(es)?$/i.test(answer.trim())
  } finally {
    rl.close()
  }
}

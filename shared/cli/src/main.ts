import { UsageError } from './commands/command.ts'
import { COMMANDS } from './commands/registry.ts'
import { bold, red, say, warn } from './ui/terminal.ts'

function help(): number {
  say(bold('Usage: pnpm kata <command> [arguments]'))
  say()
  for (const c of COMMANDS) say(`  ${c.usage.padEnd(30)} ${c.summary}`)
  say()
  say('A kata is named by number (1, 01), folder (01-pub-sub) or name (pub-sub).')
  return 0
}

async function main(argv: readonly string[]): Promise<number> {
  const [name = 'list', ...args] = argv
  if (name === '--help' || name === '-h' || name === 'help') return help()
  const entry = COMMANDS.find((c) => c.name === name)
  if (!entry) throw new UsageError(`unknown command "${name}"; see: pnpm kata --help`)
  if (args.includes('--help') || args.includes('-h')) {
    say(`Usage: ${entry.usage}\n\n${entry.summary}`)
    return 0
  }
  const run = await entry.load()
  return run(args)
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  if (error instanceof UsageError) {
    warn(red(error.message))
    process.exitCode = 2
  } else {
    throw error
  }
}

import type { Command } from './command.ts'

/**
 * Every command, with its help text here and its code behind a dynamic import: `--help` and
 * mistakes answer at once, without loading vitest or the services' clients.
 */
export const COMMANDS: readonly Command[] = [
  {
    name: 'list',
    usage: 'kata [list]',
    summary: 'the curriculum with your status in each kata, and what to do next',
    load: async () => (await import('./list.ts')).run,
  },
  {
    name: 'test',
    usage: 'kata test <kata>',
    summary: "run one kata's specs against your code in katas/<kata>/src",
    load: async () => (await import('./test.ts')).run,
  },
  {
    name: 'check',
    usage: 'kata check',
    summary: 'the full test suite: every kata green/red/mutants, shared tests, typecheck, lint, format',
    load: async () => (await import('./check.ts')).run,
  },
  {
    name: 'verify',
    usage: 'kata verify [solution-dir]',
    summary: 'check one kata: green on the reference, red on the stub, every mutant caught',
    load: async () => (await import('./verify.ts')).run,
  },
]

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
    usage: 'kata test <kata> [--verbose]',
    summary: "run one kata's specs against your code in katas/<kata>/src",
    load: async () => (await import('./test.ts')).run,
  },
  {
    name: 'watch',
    usage: 'kata watch <kata> [--poll]',
    summary: 're-run the specs on every save, showing only the first failing step',
    load: async () => (await import('./watch.ts')).run,
  },
  {
    name: 'hint',
    usage: 'kata hint <kata> [step]',
    summary: 'the next hint for your current step: nudge, then approach, then near-solution',
    load: async () => (await import('./hint.ts')).run,
  },
  {
    name: 'solution',
    usage: 'kata solution <kata> [--diff|--apply]',
    summary: 'the reference and its NOTES.md (asks first if unsolved); --diff, --apply',
    load: async () => (await import('./solution.ts')).run,
  },
  {
    name: 'reset',
    usage: 'kata reset <kata>',
    summary: 'back to the starting code, after saving your files to a backup',
    load: async () => (await import('./reset.ts')).run,
  },
  {
    name: 'restore',
    usage: 'kata restore <kata> [backup|--list]',
    summary: 'bring back a backup (the newest by default)',
    load: async () => (await import('./restore.ts')).run,
  },
  {
    name: 'drill',
    usage: 'kata drill [kata] [--minutes N]',
    summary: 'timed interview practice on a fresh copy; --check, --finish, --abandon',
    load: async () => (await import('./drill.ts')).run,
  },
  {
    name: 'doctor',
    usage: 'kata doctor',
    summary: 'check Node, pnpm, dependencies and services, with the fix for each problem',
    load: async () => (await import('./doctor.ts')).run,
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
  {
    name: 'sweep',
    usage: 'kata sweep <kata...|--all>',
    summary:
      "for maintainers: the stub's body in the reference, one function at a time; each must fail a spec",
    load: async () => (await import('./sweep.ts')).run,
  },
]

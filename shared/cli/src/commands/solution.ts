import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { backUpSource, replaceSource } from '../backups/backup-store.ts'
import { kataRef } from '../curriculum/workspace.ts'
import { currentStatus } from '../progress/kata-status.ts'
import { confirm } from '../ui/confirm.ts'
import { bold, cyan, dim, green, say, useColor, yellow } from '../ui/terminal.ts'
import { requireKata } from './require-kata.ts'

// Files of the reference that belong to the solution workspace, not to a learner's src/.
const NOT_FOR_LEARNERS = ['conformance.ts']

/**
 * `pnpm kata solution <kata> [--diff | --apply] [--yes]`: the reference and its NOTES.md once
 * solved (before that, only after a confirmation); `--diff` compares your code with it;
 * `--apply` puts the reference in your src/ after saving your files (for a stuck workshop room).
 */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata solution <kata> [--diff | --apply]')
  const reference = join(kata.solutionDir, 'src')
  // With --yes the learner has already said "show me": no need to work out whether it is solved.
  const status = args.includes('--yes') ? undefined : await currentStatus(kata)
  if (status && status.state !== 'solved') {
    const question = args.includes('--apply')
      ? `Replace your code in katas/${kata.dir}/src with the reference? (your files are backed up first)`
      : `Kata ${kata.dir} is not solved yet (${status.passedSteps}/${kata.meta.steps.length} steps). See the reference anyway?`
    if (!(await confirm(question, args))) {
      say(`Not shown. A hint may be all you need: pnpm kata hint ${kataRef(kata)}`)
      return 1
    }
  }
  if (args.includes('--diff')) {
    const color = useColor() ? '--color=always' : '--no-color'
    say(bold(`Your code (katas/${kata.dir}/src) → the reference (solutions/${kata.dir}/src):`))
    const result = spawnSync(
      'git',
      ['diff', '--no-index', color, '--stat', '-p', join(kata.kataDir, 'src'), reference],
      { stdio: 'inherit' },
    )
    return result.status === 0 || result.status === 1 ? 0 : 1
  }
  if (args.includes('--apply')) {
    const backup = backUpSource(kata, 'before-solution')
    replaceSource(kata, reference, NOT_FOR_LEARNERS)
    say(green(`✓ katas/${kata.dir}/src now holds the reference solution.`))
    say(`Your files are saved in .kata/backups/${kata.dir}/${backup.name}`)
    say(`Bring them back with: pnpm kata restore ${kataRef(kata)} ${backup.name}`)
    return 0
  }
  const files = readdirSync(reference, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !NOT_FOR_LEARNERS.includes(f))
    .sort()
  for (const file of files) {
    say(cyan(bold(`── solutions/${kata.dir}/src/${file}`)))
    say(readFileSync(join(reference, file), 'utf8'))
  }
  const notes = join(kata.solutionDir, 'NOTES.md')
  if (existsSync(notes)) {
    say(yellow(bold(`── solutions/${kata.dir}/NOTES.md`)))
    say(readFileSync(notes, 'utf8'))
  }
  say(dim(`Compare line by line with: pnpm kata solution ${kataRef(kata)} --diff`))
  return 0
}

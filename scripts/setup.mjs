#!/usr/bin/env node
// First command on a fresh machine (`npm run setup`): needs only Node.js and npm. Installs the pinned
// pnpm if it is missing, installs the workspace, then shows the curriculum and starts kata 00.
import { spawnSync } from 'node:child_process'

const PNPM = '12.4.2'
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `EDA Katas needs Node.js 20.19 or newer; this is ${process.version}. Install it from nodejs.org or with nvm.`,
  )
  process.exit(1)
}

const run = (cmd, args, options = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options })
const pnpmVersion = () => {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

const step = (text) => console.log(`\n\u203a ${text}`)

if (pnpmVersion() !== PNPM) {
  step(`installing pnpm ${PNPM} (npm i -g pnpm@${PNPM})`)
  if (run('npm', ['i', '-g', `pnpm@${PNPM}`]).status !== 0 || pnpmVersion() !== PNPM) {
    console.error(
      `Could not install pnpm ${PNPM} globally. Run "npm i -g pnpm@${PNPM}" yourself (with sudo, or after ` +
        '"npm config set prefix ~/.local" and adding ~/.local/bin to PATH), then run "npm run setup" again.',
    )
    process.exit(1)
  }
}

step('installing the workspace (pnpm install)')
if (run('pnpm', ['install', '--frozen-lockfile']).status !== 0) process.exit(1)

step('your curriculum (pnpm kata)')
run('pnpm', ['kata'])

step('kata 00: its specs against the starting code (red is expected: making them green is the kata)')
run('pnpm', ['kata', 'test', '00'])

console.log('\nNext: read katas/00-messages/README.md and edit katas/00-messages/src/.')
console.log('Re-run with: pnpm kata test 00, or keep pnpm kata watch 00 open while you work.')
console.log('The full test suite (reference solutions, stubs, mutants, shared packages): pnpm test')

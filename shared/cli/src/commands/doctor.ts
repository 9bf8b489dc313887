import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { probeService, SERVICE_NAMES, type ServiceName, serviceAddress, serviceConfig } from '@eda/infra'
import { testServerEnabled } from '../../bin/test-server-client.js'
import { kataServices } from '../curriculum/kata-metadata.ts'
import { listKatas, repoRoot } from '../curriculum/workspace.ts'
import { stateDir } from '../state/local-state.ts'
import { bold, dim, green, red, say, yellow } from '../ui/terminal.ts'

interface Finding {
  readonly ok: boolean
  readonly what: string
  readonly detail: string
  /** The command or step that fixes it. */
  readonly fix?: string
  /** A problem that only matters for some katas: reported, but `doctor` still passes. */
  readonly optional?: boolean
}

const version = (cmd: string, args: string[]): string | undefined => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  return r.status === 0 ? `${r.stdout}${r.stderr}`.trim().split('\n')[0] : undefined
}

function toolchain(): Finding[] {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  const wantedPnpm = (
    JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { packageManager: string }
  ).packageManager.replace(/^pnpm@/, '')
  const pnpm = version('pnpm', ['--version'])
  const installed = existsSync(join(repoRoot, 'node_modules', '.modules.yaml'))
  const lock = join(repoRoot, 'pnpm-lock.yaml')
  const installedLock = join(repoRoot, 'node_modules', '.pnpm', 'lock.yaml')
  // pnpm 12 writes its own version pin as a first YAML document; the install records the rest.
  const lastDocument = (text: string) => text.slice(text.lastIndexOf('\n---\n') + 1).replace(/^---\n/, '')
  const inSync =
    installed &&
    existsSync(installedLock) &&
    lastDocument(readFileSync(lock, 'utf8')) === lastDocument(readFileSync(installedLock, 'utf8'))
  return [
    {
      ok: major > 20 || (major === 20 && minor >= 19),
      what: 'Node.js',
      detail: process.version,
      fix: 'install Node.js 20.19 or newer (nodejs.org, or nvm install 20)',
    },
    {
      ok: pnpm === wantedPnpm,
      what: 'pnpm',
      detail: pnpm ?? 'not found',
      fix: `npm i -g pnpm@${wantedPnpm}`,
    },
    {
      ok: installed && inSync,
      what: 'dependencies',
      detail: !installed ? 'not installed' : inSync ? 'installed, match pnpm-lock.yaml' : 'out of date',
      fix: 'pnpm install',
    },
    {
      ok: version('git', ['--version']) !== undefined,
      what: 'git',
      detail: version('git', ['--version']) ?? 'not found',
      fix: 'install git',
    },
  ]
}

async function services(): Promise<Finding[]> {
  const config = serviceConfig()
  const katas = listKatas()
  const users = (s: ServiceName) => katas.filter((k) => kataServices(k.meta).includes(s))
  const results = await Promise.all(SERVICE_NAMES.map((s) => probeService(s, { config })))
  return SERVICE_NAMES.map((service, i) => {
    const result = results[i] ?? { reachable: false as const, reason: 'not checked' }
    const needed = users(service).map((k) => k.dir)
    return {
      ok: result.reachable,
      optional: true,
      what: service,
      detail: `${serviceAddress(service, config)}: ${result.reachable ? 'reachable' : `not reachable (${result.reason})`}${
        needed.length ? `; needed by ${needed.join(', ')}` : ''
      }`,
      fix: `pnpm infra up ${service}   (or point ${service === 'kafka' ? 'KAFKA_BROKERS' : service === 'rabbitmq' ? 'AMQP_URL' : 'DATABASE_URL'} at your own server)`,
    }
  })
}

/** The warm test server behind `pnpm kata test`: information, never a problem. */
function testServer(): Finding {
  const what = 'test server'
  if (!testServerEnabled()) return { ok: true, what, detail: 'off (EDA_KATA_SERVER=0, or CI)' }
  try {
    const info = JSON.parse(readFileSync(join(stateDir(), 'test-server.json'), 'utf8')) as {
      pid: number
      startedAt: string
    }
    process.kill(info.pid, 0)
    return {
      ok: true,
      what,
      detail: `running (pid ${info.pid}, since ${info.startedAt}); stops after 15 quiet minutes, or now: ${
        process.platform === 'win32' ? `taskkill /PID ${info.pid}` : `kill ${info.pid}`
      }`,
    }
  } catch {
    return { ok: true, what, detail: 'not running (pnpm kata test starts it for an in-process kata)' }
  }
}

/** `pnpm kata doctor`: is this machine ready for the katas? Each problem comes with its fix. */
export async function run(): Promise<number> {
  const findings = [...toolchain(), ...(await services()), testServer()]
  say(bold('EDA Katas doctor'))
  for (const f of findings) {
    const mark = f.ok ? green('✓') : f.optional ? yellow('!') : red('✗')
    say(`  ${mark} ${f.what.padEnd(13)} ${f.detail}`)
    if (!f.ok && f.fix) say(`    ${dim('fix:')} ${f.fix}`)
  }
  const blocking = findings.filter((f) => !f.ok && !f.optional)
  const missing = findings.filter((f) => !f.ok && f.optional)
  say()
  if (blocking.length === 0 && missing.length === 0) say(green('Everything is ready.'))
  else if (blocking.length === 0)
    say(
      yellow(
        'Ready for the in-process katas; start the missing services for the others (or let pnpm test start them).',
      ),
    )
  else say(red(`${blocking.length} problem(s) to fix before the katas will run.`))
  return blocking.length === 0 && missing.length === 0 ? 0 : 1
}

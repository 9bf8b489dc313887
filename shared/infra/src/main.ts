#!/usr/bin/env -S node --import tsx
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream, existsSync } from 'node:fs'
import { createInfra } from './create-infra.ts'
import { describeError } from './describe-error.ts'
import { streamReporter } from './reporter.ts'
import { parseServiceNames, SERVICE_NAMES } from './service-name.ts'
import type { LogSource } from './service-starter.ts'
import { formatStatusTable } from './status-table.ts'
import { UnknownServiceError } from './unknown-service-error.ts'

const USAGE = `usage: pnpm infra <command> [service...]

  up [service...]      start what is not reachable (Docker Compose if an engine answers, else natively)
  down [service...]    stop what \`up\` started; never a server it did not start
  status               address, reachable, and who started each service
  logs [service]       print the log of what \`up\` started (default: kafka)

services: ${SERVICE_NAMES.join(', ')} (default: all)
addresses: KAFKA_BROKERS, AMQP_URL, DATABASE_URL; EDA_INFRA_METHOD=native|docker forces a way`

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv
  const reporter = streamReporter(process.stdout)
  const infra = createInfra({ reporter })
  switch (command) {
    case 'up': {
      const results = await infra.up(parseServiceNames(args))
      return results.some((result) => result.outcome === 'failed') ? 1 : 0
    }
    case 'down': {
      const results = await infra.down(parseServiceNames(args))
      return results.some((result) => result.outcome === 'failed') ? 1 : 0
    }
    case 'status': {
      reporter.line(formatStatusTable(await infra.status(parseServiceNames(args))))
      return 0
    }
    case 'logs': {
      const [service = 'kafka', ...extra] = parseServiceNames(args.length === 0 ? ['kafka'] : args)
      if (extra.length > 0) throw new UsageError('logs takes one service')
      const source = await infra.logs(service)
      if (source === undefined) {
        reporter.line(
          `${service}: not started by this tool, so it has no log here (see \`pnpm infra status\`)`,
        )
        return 1
      }
      return printLog(source)
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`)
      return command === undefined ? 2 : 0
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

class UsageError extends Error {
  override readonly name = 'UsageError'
}

async function printLog(source: LogSource): Promise<number> {
  switch (source.kind) {
    case 'file': {
      if (!existsSync(source.path)) {
        process.stderr.write(`${source.path} does not exist (any more)\n`)
        return 1
      }
      process.stdout.write(`==> ${source.path} <==\n`)
      const stream = createReadStream(source.path)
      stream.pipe(process.stdout, { end: false })
      await once(stream, 'close')
      return 0
    }
    case 'command': {
      const child = spawn(source.command, [...source.args], { stdio: 'inherit' })
      const [code] = (await once(child, 'close')) as [number | null]
      return code ?? 1
    }
    case 'hint':
      process.stdout.write(`${source.text}\n`)
      return 0
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // Exit explicitly: a client library's idle socket must not keep the command alive.
    process.exitCode = code
    setImmediate(() => process.exit(code))
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof UnknownServiceError
    process.stderr.write(`pnpm infra: ${known ? (error as Error).message : describeError(error)}\n`)
    if (known) process.stderr.write(`${USAGE}\n`)
    process.exit(known ? 2 : 1)
  },
)

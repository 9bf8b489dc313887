#!/usr/bin/env node
// `kata test <kata>` first asks the checkout's warm test server, if one runs (plain JavaScript,
// no loader: see src/server/). Everything else, and a test nobody answered, runs from source:
// register tsx's loader, then start the CLI.
import { askTestServer, testServerEnabled } from './test-server-client.js'

const args = process.argv.slice(2)
const served = args[0] === 'test' && testServerEnabled() ? await askTestServer(args.slice(1)) : undefined
if (served === undefined) {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main.ts')
} else {
  process.exitCode = served
}

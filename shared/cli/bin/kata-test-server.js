#!/usr/bin/env node
// The warm test server behind `kata test` (src/server/): started in the background by the CLI.
import { register } from 'tsx/esm/api'

register()
await import('../src/server/main.ts')

#!/usr/bin/env node
// The CLI is written in TypeScript and runs from source: register tsx's loader, then start it.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')

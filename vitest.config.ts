import { defineConfig } from 'vitest/config'

// For the IDE and one-process runs: every workspace is a project with its own config.
export default defineConfig({ test: { projects: ['shared/*', 'katas/*', 'solutions/*'] } })

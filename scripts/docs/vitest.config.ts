import { defineConfig } from 'vitest/config'

// The docs scripts' own tests: `pnpm exec vitest run --root scripts/docs` (or `pnpm docs:test`).
export default defineConfig({ test: { name: 'docs-scripts', include: ['*.test.ts'] } })

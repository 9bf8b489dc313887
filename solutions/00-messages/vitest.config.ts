import { fileURLToPath } from 'node:url'
import { defineProject, mergeConfig } from 'vitest/config'
import { sharedProject } from '../../vitest.shared.ts'

// The kata's spec files, run against this reference: `#impl` points here instead of the stub.
const kata = fileURLToPath(new URL('../../katas/00-messages/', import.meta.url))

export default mergeConfig(
  sharedProject,
  defineProject({
    resolve: { alias: { '#impl': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
    test: { name: 'solution/00-messages', dir: kata, include: ['spec/**/*.spec.ts'] },
  }),
)

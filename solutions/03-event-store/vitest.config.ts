import { fileURLToPath } from 'node:url'
import { defineProject, mergeConfig } from 'vitest/config'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

// The kata's spec files, run against this reference: `#impl` points here instead of the stub.
const kata = fileURLToPath(new URL('../../katas/03-event-store/', import.meta.url))

export default mergeConfig(
  sharedProject,
  defineProject({
    resolve: { alias: { '#impl': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
    test: {
      name: 'solution/03-event-store',
      dir: kata,
      include: ['spec/**/*.spec.ts'],
      testTimeout: 20_000,
      ...withServices(['postgres']),
    },
  }),
)

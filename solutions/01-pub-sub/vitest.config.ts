import { fileURLToPath } from 'node:url'
import { defineProject, mergeConfig } from 'vitest/config'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

// The kata's spec files, run against this reference: `#impl` points here instead of the stub.
const kata = fileURLToPath(new URL('../../katas/01-pub-sub/', import.meta.url))

export default mergeConfig(
  sharedProject,
  defineProject({
    resolve: { alias: { '#impl': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
    test: {
      name: 'solution/01-pub-sub',
      dir: kata,
      include: ['spec/**/*.spec.ts'],
      testTimeout: 5_000,
      ...withServices(['rabbitmq']),
    },
  }),
)

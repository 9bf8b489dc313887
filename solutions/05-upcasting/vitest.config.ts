import { fileURLToPath } from 'node:url'
import { defineProject, mergeConfig } from 'vitest/config'
import { StepOrder } from '../../katas/05-upcasting/vitest.config.ts'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

// The kata's spec files, run against this reference: `#impl` points here instead of the stub.
const kata = fileURLToPath(new URL('../../katas/05-upcasting/', import.meta.url))

export default mergeConfig(
  mergeConfig(
    sharedProject,
    defineProject({
      resolve: { alias: { '#impl': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
      test: {
        name: 'solution/05-upcasting',
        dir: kata,
        include: ['spec/**/*.spec.ts'],
        ...withServices(['postgres']),
      },
    }),
  ),
  { test: { sequence: { sequencer: StepOrder } } },
)

import { fileURLToPath } from 'node:url'
import { defineProject, mergeConfig } from 'vitest/config'
import { StepOrder } from '../../katas/02-kafka-partitions/vitest.config.ts'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

// The kata's spec files, run against this reference: `#impl` points here instead of the stub.
const kata = fileURLToPath(new URL('../../katas/02-kafka-partitions/', import.meta.url))

export default mergeConfig(
  mergeConfig(
    sharedProject,
    defineProject({
      resolve: { alias: { '#impl': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
      test: {
        name: 'solution/02-kafka-partitions',
        dir: kata,
        include: ['spec/**/*.spec.ts'],
        fileParallelism: false,
        ...withServices(['kafka']),
      },
    }),
  ),
  { test: { sequence: { sequencer: StepOrder } } },
)

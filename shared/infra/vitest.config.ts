import { defineProject, mergeConfig } from 'vitest/config'
import { sharedProject } from '../../vitest.shared.ts'
import { withServices } from '../testkit/src/services/vitest-services.ts'

// The smoke specs need all three servers; the decision tests need none (they inject fakes).
export default mergeConfig(
  sharedProject,
  defineProject({
    test: {
      name: '@eda/infra',
      include: ['test/**/*.test.ts'],
      fileParallelism: false,
      ...withServices(['kafka', 'rabbitmq', 'postgres']),
    },
  }),
)

import { defineProject, mergeConfig } from 'vitest/config'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

// `#impl` resolves through package.json "imports" to ./src: your code. The solution workspace
// runs these same spec files with `#impl` pointing at the reference instead.
// Steps 8–15 talk to RabbitMQ: it is probed once before the specs; without it those steps are
// skipped locally (with the command that starts it) and fail in CI.
export default mergeConfig(
  sharedProject,
  defineProject({
    test: {
      name: 'kata/01-pub-sub',
      include: ['spec/**/*.spec.ts'],
      // In-process specs finish in milliseconds: a short timeout turns a hang (a publisher waiting
      // on a handler that never settles) into a quick, named failure. Broker specs set their own.
      testTimeout: 5_000,
      ...withServices(['rabbitmq']),
    },
  }),
)

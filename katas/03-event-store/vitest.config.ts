import { defineProject, mergeConfig } from 'vitest/config'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

// `#impl` resolves through package.json "imports" to ./src: your code. The solution workspace
// runs these same spec files with `#impl` pointing at the reference instead.
// Every step runs in memory, on PGlite (embedded) and on PostgreSQL: the server is probed once
// before the specs; without it those blocks are skipped locally and fail in CI.
export default mergeConfig(
  sharedProject,
  defineProject({
    test: {
      name: 'kata/03-event-store',
      include: ['spec/**/*.spec.ts'],
      // A PGlite start (first query of a spec file) takes a few seconds on a busy 2-core machine.
      testTimeout: 20_000,
      ...withServices(['postgres']),
    },
  }),
)

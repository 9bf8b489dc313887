import { defineProject, mergeConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

/**
 * Spec files in step order: the in-process steps (catalog, Ride, read model, saga) before the
 * PostgreSQL and Kafka ones, so a mutant run, which stops at its first failure, is caught early.
 */
export class StepOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
  }
}

// `#impl` resolves through package.json "imports" to ./src: your code. The solution workspace
// runs these same spec files with `#impl` pointing at the reference instead.
export default mergeConfig(
  mergeConfig(
    sharedProject,
    defineProject({
      test: {
        name: 'kata/08-ride-sharing',
        include: ['spec/**/*.spec.ts'],
        // In-process steps finish in milliseconds; the Kafka step waits for a group join.
        testTimeout: 30_000,
        ...withServices(['postgres', 'kafka', 'rabbitmq']),
      },
    }),
  ),
  { test: { sequence: { sequencer: StepOrder } } },
)

import { defineProject, mergeConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

/**
 * Spec files in step order, one at a time. Vitest's default runs the slowest and last-failed
 * files first; here that would put the rebalancing and replay steps (seconds of session timeouts
 * and offset resets) before the in-process partitioner, and a mutant run, which stops at its
 * first failure, would pay for them every time.
 */
export class StepOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
  }
}

// `#impl` resolves through package.json "imports" to ./src: your code. The solution workspace
// runs these same spec files with `#impl` pointing at the reference instead.
// Steps 2–9 talk to a real Kafka broker (`pnpm infra up kafka`): it is probed once before the
// specs, and their files are skipped when it is missing (a failure in CI). Step 1 needs nothing.
export default mergeConfig(
  mergeConfig(
    sharedProject,
    defineProject({
      test: {
        name: 'kata/02-kafka-partitions',
        include: ['spec/**/*.spec.ts'],
        // One broker, shared by every spec file; crash specs count on heartbeats arriving on time.
        fileParallelism: false,
        ...withServices(['kafka']),
      },
    }),
  ),
  // A root-level option: applies when this config runs on its own (`pnpm test`, the kata CLI).
  { test: { sequence: { sequencer: StepOrder } } },
)

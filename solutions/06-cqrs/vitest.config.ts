import { fileURLToPath } from 'node:url'
import { defineProject, mergeConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { withServices } from '../../shared/testkit/src/services/vitest-services.ts'
import { sharedProject } from '../../vitest.shared.ts'

// Spec files in step order (01, 02, ...): the fast in-process steps run before the PGlite and
// broker ones, so a run that stops at its first failure (a mutant run) stops early.
class StepOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
  }
}

// The kata's spec files, run against this reference: `#impl` points here instead of the stub.
const kata = fileURLToPath(new URL('../../katas/06-cqrs/', import.meta.url))

export default mergeConfig(
  sharedProject,
  defineProject({
    resolve: { alias: { '#impl': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
    test: {
      name: 'solution/06-cqrs',
      dir: kata,
      include: ['spec/**/*.spec.ts'],
      testTimeout: 15_000,
      sequence: { sequencer: StepOrder },
      ...withServices(['postgres']),
    },
  }),
)

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

// `#impl` resolves through package.json "imports" to ./src: your code. The solution workspace
// runs these same spec files with `#impl` pointing at the reference instead. PostgreSQL is
// probed once before the specs: step 6 runs on the server, the others on PGlite (embedded).
export default mergeConfig(
  sharedProject,
  defineProject({
    test: {
      name: 'kata/06-cqrs',
      include: ['spec/**/*.spec.ts'],
      testTimeout: 15_000,
      sequence: { sequencer: StepOrder },
      ...withServices(['postgres']),
    },
  }),
)

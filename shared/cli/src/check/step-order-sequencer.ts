import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Spec files in step order (01-…, 02-…). Vitest's default runs the slowest and last-failed files
 * first: a mutant run, which stops at its first failure, would start the broker steps every time
 * and name a late step as the one that caught the bug; a learner would see step 6 fail before 1.
 */
export class StepOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
  }
}

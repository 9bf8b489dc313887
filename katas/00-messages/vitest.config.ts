import { defineProject, mergeConfig } from 'vitest/config'
import { sharedProject } from '../../vitest.shared.ts'

// `#impl` resolves through package.json "imports" to ./src: your code. The solution workspace
// runs these same spec files with `#impl` pointing at the reference instead.
export default mergeConfig(
  sharedProject,
  // Everything here is in process and finishes in milliseconds: a short timeout turns a hang
  // (a duplicate waiting on an attempt that never settles) into a quick, named failure.
  defineProject({ test: { name: 'kata/00-messages', include: ['spec/**/*.spec.ts'], testTimeout: 5_000 } }),
)

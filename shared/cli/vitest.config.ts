import { defineProject, mergeConfig } from 'vitest/config'
import { sharedProject } from '../../vitest.shared.ts'

// Several tests run the CLI as a process a few times over (about a second each, more on a busy
// 2-core machine while other workspaces are checked): they get two minutes, not the default 30 s.
export default mergeConfig(
  sharedProject,
  defineProject({ test: { name: '@eda/kata', include: ['test/**/*.test.ts'], testTimeout: 120_000 } }),
)

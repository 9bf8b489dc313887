import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { isServiceName, SERVICE_NAMES, type ServiceName } from '@eda/infra'
import { SERVICES_ENV } from './vitest-services.ts'

/**
 * Which services a workspace's specs need, first found wins:
 * 1. `EDA_SERVICES` in the workspace's vitest config (`withServices([...])`), else in the environment;
 * 2. `kata.json` `services` (and each step's) in the workspace, or in `katas/<same folder>` for a
 *    solution workspace, which runs the kata's specs;
 * 3. all of them, so that a forgotten declaration costs a probe rather than a confusing failure.
 */
export function neededServices(
  root: string,
  configEnv: Readonly<Record<string, string | undefined>> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceName[] {
  const declared = configEnv[SERVICES_ENV] ?? env[SERVICES_ENV]
  if (declared !== undefined) return parseList(declared)
  for (const file of [
    join(root, 'kata.json'),
    join(dirname(dirname(root)), 'katas', basename(root), 'kata.json'),
  ]) {
    if (existsSync(file)) return fromKataJson(file)
  }
  return [...SERVICE_NAMES]
}

function parseList(value: string): ServiceName[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(isServiceName)
  return SERVICE_NAMES.filter((name) => names.includes(name))
}

function fromKataJson(file: string): ServiceName[] {
  try {
    const kata = JSON.parse(readFileSync(file, 'utf8')) as { services?: unknown; steps?: unknown }
    const listed: unknown[] = [
      ...(Array.isArray(kata.services) ? kata.services : []),
      ...(Array.isArray(kata.steps)
        ? kata.steps.flatMap((step: { services?: unknown }) =>
            Array.isArray(step?.services) ? step.services : [],
          )
        : []),
    ]
    return parseList(listed.filter((name): name is string => typeof name === 'string').join(','))
  } catch {
    return [...SERVICE_NAMES]
  }
}

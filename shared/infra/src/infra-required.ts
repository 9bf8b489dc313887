/** `CI=true` or `EDA_REQUIRE_INFRA=1`: a missing service is a failure, not a skip. */
export function isInfraRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const on = (value: string | undefined) =>
    value !== undefined && ['1', 'true', 'yes'].includes(value.toLowerCase())
  return on(env.CI) || on(env.EDA_REQUIRE_INFRA)
}

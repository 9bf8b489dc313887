/** The answer of a reachability check: yes, or no with the reason in a few words. */
export type ProbeResult =
  | { readonly reachable: true }
  | { readonly reachable: false; readonly reason: string }

export const REACHABLE: ProbeResult = { reachable: true }

export const unreachable = (reason: string): ProbeResult => ({ reachable: false, reason })

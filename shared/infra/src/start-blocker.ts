/** Why a way of starting a service cannot work on this machine, and what would make it work. */
export interface StartBlocker {
  readonly reason: string
  readonly fix: string
}

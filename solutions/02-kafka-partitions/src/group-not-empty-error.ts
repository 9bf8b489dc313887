/** A group's offsets can only be moved while it has no running members. */
export class GroupNotEmptyError extends Error {
  override readonly name = 'GroupNotEmptyError'
  constructor(
    readonly groupId: string,
    readonly state: string,
  ) {
    super(`cannot reset the offsets of group ${groupId}: it must have no running members (state ${state})`)
  }
}

// ListAliases: the aliases of the caller's region in name order, or only those of one key,
// paged by Limit (1-100, default 50) and Marker.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html
import type { Operation } from '../context'
import { aliasEntry } from '../model/alias'
import { checkKeyState } from '../model/key-state'
import { page } from '../model/paging'
import { resolveKey } from '../model/resolve-key'

/** AWS documents 1-100; the member allows up to 1000, and the lab answers at most 100. */
const MAX_LIMIT = 100

export const listAliases: Operation<'ListAliases'> = (ctx, input) => {
  let aliases = ctx.state.aliasesIn(ctx.region)
  if (input.KeyId !== undefined) {
    const key = resolveKey(ctx, input.KeyId)
    checkKeyState('ListAliases', key)
    aliases = aliases.filter((a) => a.targetKeyId === key.keyId)
  }
  aliases.sort((a, b) => (a.aliasName < b.aliasName ? -1 : a.aliasName > b.aliasName ? 1 : 0))
  const limit = Math.min(input.Limit ?? 50, MAX_LIMIT)
  const result = page(aliases, (a) => a.aliasName, limit, input.Marker)
  return {
    Aliases: result.items.map(aliasEntry),
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
    Truncated: result.truncated
  }
}

// ListGrants: the grants of one key, in creation order, optionally one grant or one grantee's.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListGrants.html
import type { Operation } from '../context'
import { grantEntry, grantsOfKey } from '../model/grant'
import { page } from '../model/paging'
import { resolveKey } from '../model/resolve-key'

export const listGrants: Operation<'ListGrants'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId!)
  const grants = grantsOfKey(ctx.state, key.keyId).filter(
    (g) =>
      (!input.GrantId || g.grantId === input.GrantId) &&
      (!input.GranteePrincipal || g.granteePrincipal === input.GranteePrincipal)
  )
  const result = page(grants, (g) => g.seq, input.Limit ?? 50, input.Marker)
  return {
    Grants: result.items.map(grantEntry),
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
    Truncated: result.truncated
  }
}

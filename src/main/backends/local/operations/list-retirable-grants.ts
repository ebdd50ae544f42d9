// ListRetirableGrants: every grant of the caller's region whose retiring principal is the one
// given, in creation order.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListRetirableGrants.html
import type { Operation } from '../context'
import { checkGrantPrincipal, GRANT_RECORD, grantEntry, type LabGrant } from '../model/grant'
import { page } from '../model/paging'

export const listRetirableGrants: Operation<'ListRetirableGrants'> = (ctx, input) => {
  checkGrantPrincipal(input.RetiringPrincipal!, 'RetiringPrincipal')
  const grants = [...ctx.state.records<LabGrant>(GRANT_RECORD).values()]
    .filter(
      (g) =>
        g.region === ctx.region &&
        g.retiringPrincipal === input.RetiringPrincipal &&
        ctx.state.key(g.keyId) !== undefined
    )
    .sort((a, b) => a.seq - b.seq)
  const result = page(grants, (g) => g.seq, input.Limit ?? 50, input.Marker)
  return {
    Grants: result.items.map(grantEntry),
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
    Truncated: result.truncated
  }
}

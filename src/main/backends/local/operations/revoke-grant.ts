// RevokeGrant: someone allowed kms:RevokeGrant on the key removes one of its grants.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_RevokeGrant.html
import { DryRunOperationException } from '../../../../shared/errors'
import type { Operation } from '../context'
import { findGrant } from '../model/find-grant'
import { GRANT_RECORD } from '../model/grant'
import { resolveKey } from '../model/resolve-key'

export const revokeGrant: Operation<'RevokeGrant'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId!)
  const grant = findGrant(ctx.state, input.GrantId!, key)
  if (input.DryRun) {
    throw new DryRunOperationException(
      'The request would have succeeded, but the DryRun option is set.'
    )
  }
  ctx.state.write(() => ctx.state.removeRecord(GRANT_RECORD, grant.grantId))
  return {}
}

// RetireGrant: the grant's retiring principal (or its grantee, when the grant allows
// RetireGrant) removes it, naming it by its token or by key and grant id.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_RetireGrant.html
import {
  DryRunOperationException,
  InvalidGrantTokenException,
  ValidationException
} from '../../../../shared/errors'
import type { Operation } from '../context'
import { findGrant } from '../model/find-grant'
import { GRANT_RECORD, grantIdOfToken } from '../model/grant'
import { resolveKey } from '../model/resolve-key'

export const retireGrant: Operation<'RetireGrant'> = (ctx, input) => {
  // validate
  let grantId: string
  if (input.GrantToken) {
    const fromToken = grantIdOfToken(input.GrantToken)
    if (!fromToken) throw new InvalidGrantTokenException('The grant token is not valid.')
    if (input.GrantId && input.GrantId !== fromToken) {
      throw new ValidationException('The GrantId does not match the grant named by the GrantToken.')
    }
    grantId = fromToken
  } else if (input.KeyId && input.GrantId) {
    grantId = input.GrantId
  } else {
    throw new ValidationException('Specify either a GrantToken or both KeyId and GrantId.')
  }

  // resolve key and grant
  const key = input.KeyId ? resolveKey(ctx, input.KeyId) : undefined
  const grant = findGrant(ctx.state, grantId, key)
  if (input.DryRun) {
    throw new DryRunOperationException(
      'The request would have succeeded, but the DryRun option is set.'
    )
  }

  // act
  ctx.state.write(() => ctx.state.removeRecord(GRANT_RECORD, grant.grantId))
  return {}
}

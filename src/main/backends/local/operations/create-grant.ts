// CreateGrant: lets a grantee principal use a key for the listed operations, optionally only
// with a given encryption context; the same name and parameters give back the same grant.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html
import {
  DryRunOperationException,
  LimitExceededException,
  ValidationException
} from '../../../../shared/errors'
import type { Operation } from '../context'
import {
  checkGrantPrincipal,
  GRANT_RECORD,
  grantsOfKey,
  grantToken,
  newGrantId,
  validateGrantTokens,
  type LabGrant
} from '../model/grant'
import { checkGrantForKey } from '../model/grant-rules'
import { keyArnOf } from '../model/key'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

const MAX_GRANTS_PER_KEY = 50_000

export const createGrant: Operation<'CreateGrant'> = (ctx, input) => {
  // validate
  checkGrantPrincipal(input.GranteePrincipal!, 'GranteePrincipal')
  if (input.RetiringPrincipal) checkGrantPrincipal(input.RetiringPrincipal, 'RetiringPrincipal')
  const c = input.Constraints
  if (c?.EncryptionContextSubset && c.EncryptionContextEquals) {
    throw new ValidationException(
      'You can specify only one of EncryptionContextSubset and EncryptionContextEquals in grant constraints.'
    )
  }
  validateGrantTokens(input.GrantTokens)
  const operations = [...new Set(input.Operations!)].sort()
  const constraints = c?.EncryptionContextSubset
    ? { EncryptionContextSubset: c.EncryptionContextSubset }
    : c?.EncryptionContextEquals
      ? { EncryptionContextEquals: c.EncryptionContextEquals }
      : undefined

  // resolve key
  const key = resolveKey(ctx, input.KeyId!)

  // check state and usage
  checkKeyState('CreateGrant', key)
  checkGrantForKey(key, operations, constraints)
  if (input.DryRun) {
    throw new DryRunOperationException(
      'The request would have succeeded, but the DryRun option is set.'
    )
  }

  // act
  const existing = grantsOfKey(ctx.state, key.keyId)
  const same = input.Name
    ? existing.find(
        (g) =>
          g.name === input.Name &&
          g.granteePrincipal === input.GranteePrincipal &&
          g.retiringPrincipal === input.RetiringPrincipal &&
          JSON.stringify(g.operations) === JSON.stringify(operations) &&
          JSON.stringify(g.constraints) === JSON.stringify(constraints)
      )
    : undefined
  if (same) return { GrantId: same.grantId, GrantToken: grantToken(same.grantId) }
  if (existing.length >= MAX_GRANTS_PER_KEY) {
    throw new LimitExceededException(
      `The request was rejected because the key ${keyArnOf(key)} has reached the maximum number of grants (${MAX_GRANTS_PER_KEY}).`
    )
  }
  const grant = ctx.state.write(() => {
    const record: LabGrant = {
      grantId: newGrantId(),
      keyId: key.keyId,
      keyArn: keyArnOf(key),
      region: key.region,
      seq: ctx.state.nextSeq(),
      name: input.Name ?? '',
      granteePrincipal: input.GranteePrincipal!,
      ...(input.RetiringPrincipal ? { retiringPrincipal: input.RetiringPrincipal } : {}),
      issuingAccount: `arn:aws:iam::${ctx.accountId}:root`,
      operations,
      ...(constraints ? { constraints } : {}),
      createdAt: ctx.now
    }
    ctx.state.putRecord(GRANT_RECORD, record.grantId, record)
    return record
  })

  // respond
  return { GrantId: grant.grantId, GrantToken: grantToken(grant.grantId) }
}

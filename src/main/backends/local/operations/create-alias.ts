// CreateAlias: a new alias for a customer managed key of the same region; alias names are
// unique per account and region, and a key has at most 50 (AWS's default quota).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
import { AlreadyExistsException } from '../../../../shared/errors'
import { aliasArn } from '../../../../shared/kms/arn'
import type { Operation } from '../context'
import { checkAliasName, checkAliasQuota, checkAliasTarget } from '../model/alias'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const createAlias: Operation<'CreateAlias'> = (ctx, input) => {
  const name = input.AliasName as string
  checkAliasName(name)
  checkAliasTarget(input.TargetKeyId as string)
  const key = resolveKey(ctx, input.TargetKeyId as string)
  checkKeyState('CreateAlias', key)
  if (ctx.state.alias(ctx.region, name)) {
    throw new AlreadyExistsException(
      `An alias with the name ${aliasArn(ctx.region, ctx.accountId, name)} already exists`
    )
  }
  checkAliasQuota(ctx.state, key)
  ctx.state.write(() =>
    ctx.state.putAlias({
      aliasName: name,
      region: ctx.region,
      accountId: ctx.accountId,
      targetKeyId: key.keyId,
      createdAt: ctx.now,
      updatedAt: ctx.now
    })
  )
  return {}
}

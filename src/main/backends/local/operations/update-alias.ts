// UpdateAlias: points an alias at another key of the same key type (symmetric, asymmetric or
// HMAC) and key usage. A current key pending deletion is fine; the new one may not be, nor may
// it have its quota of aliases already.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html
import { NotFoundException, ValidationException } from '../../../../shared/errors'
import { aliasArn } from '../../../../shared/kms/arn'
import type { Operation } from '../context'
import { checkAliasName, checkAliasQuota, checkAliasTarget } from '../model/alias'
import { keyArnOf } from '../model/key'
import { keyTypeOf } from '../model/key-specs'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const updateAlias: Operation<'UpdateAlias'> = (ctx, input) => {
  const name = input.AliasName as string
  checkAliasName(name)
  checkAliasTarget(input.TargetKeyId as string)
  const alias = ctx.state.alias(ctx.region, name)
  if (!alias) {
    throw new NotFoundException(`Alias ${aliasArn(ctx.region, ctx.accountId, name)} is not found.`)
  }
  const target = resolveKey(ctx, input.TargetKeyId as string)
  checkKeyState('UpdateAlias', target)
  const current = ctx.state.key(alias.targetKeyId)
  if (
    current &&
    (keyTypeOf(current.keySpec) !== keyTypeOf(target.keySpec) ||
      current.keyUsage !== target.keyUsage)
  ) {
    // Lab wording: AWS documents the rule (same key type and usage), not its message.
    throw new ValidationException(
      `${keyArnOf(target)} is a ${keyTypeOf(target.keySpec)} ${target.keyUsage} key, but ${name} points to a ${keyTypeOf(current.keySpec)} ${current.keyUsage} key. An alias can move only to a key of the same key type and key usage.`
    )
  }
  if (alias.targetKeyId !== target.keyId) {
    checkAliasQuota(ctx.state, target)
    ctx.state.write(() =>
      ctx.state.putAlias({ ...alias, targetKeyId: target.keyId, updatedAt: ctx.now })
    )
  }
  return {}
}

// DeleteAlias: removes an alias; the key it pointed to is not affected.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html
import { NotFoundException } from '../../../../shared/errors'
import { aliasArn } from '../../../../shared/kms/arn'
import type { Operation } from '../context'
import { checkAliasName } from '../model/alias'
import { checkKeyState } from '../model/key-state'

export const deleteAlias: Operation<'DeleteAlias'> = (ctx, input) => {
  const name = input.AliasName as string
  checkAliasName(name)
  const alias = ctx.state.alias(ctx.region, name)
  if (!alias) {
    throw new NotFoundException(`Alias ${aliasArn(ctx.region, ctx.accountId, name)} is not found.`)
  }
  const key = ctx.state.key(alias.targetKeyId)
  if (key) checkKeyState('DeleteAlias', key)
  ctx.state.write(() => ctx.state.deleteAlias(ctx.region, name))
  return {}
}

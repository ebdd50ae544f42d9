// Finds the key a request names: a key id, key ARN, alias name or alias ARN, in the caller's
// region and account, with AWS's NotFoundException texts.
import { NotFoundException } from '../../../../shared/errors'
import { aliasArn, KEY_ID_PATTERN, keyArn, parseKeyReference } from '../../../../shared/kms/arn'
import type { OperationContext } from '../context'
import type { LabKey } from './key'

export interface ResolveOptions {
  /** Whether the operation accepts an alias name or alias ARN for this member. */
  aliases?: boolean
}

export function resolveKey(
  ctx: OperationContext,
  ref: string,
  options: ResolveOptions = {}
): LabKey {
  const parsed = parseKeyReference(ref)
  switch (parsed.kind) {
    case 'keyId':
      return byId(ctx, parsed.keyId, ref)
    case 'keyArn':
      // A key ARN of another region is "Invalid arn <region>" on AWS (seen on real AWS).
      if (parsed.region !== ctx.region) throw new NotFoundException(`Invalid arn ${parsed.region}`)
      if (parsed.accountId !== ctx.accountId) {
        throw new NotFoundException(`Key '${ref}' does not exist`)
      }
      return byId(ctx, parsed.keyId, ref)
    case 'aliasName':
    case 'aliasArn': {
      if (!options.aliases) throw new NotFoundException(`Invalid keyId '${ref}'`)
      const name = parsed.aliasName
      if (
        parsed.kind === 'aliasArn' &&
        (parsed.region !== ctx.region || parsed.accountId !== ctx.accountId)
      ) {
        throw new NotFoundException(`Alias ${ref} is not found.`)
      }
      const alias = ctx.state.alias(ctx.region, name)
      const key = alias && ctx.state.key(alias.targetKeyId)
      if (!key)
        throw new NotFoundException(
          `Alias ${aliasArn(ctx.region, ctx.accountId, name)} is not found.`
        )
      return key
    }
    default:
      throw new NotFoundException('Invalid arn')
  }
}

function byId(ctx: OperationContext, keyId: string, ref: string): LabKey {
  if (!KEY_ID_PATTERN.test(keyId)) throw new NotFoundException(`Invalid keyId '${ref}'`)
  const key = ctx.state.key(keyId)
  if (!key || key.region !== ctx.region) {
    throw new NotFoundException(`Key '${keyArn(ctx.region, ctx.accountId, keyId)}' does not exist`)
  }
  return key
}

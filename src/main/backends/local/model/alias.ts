// The lab's record of one alias (per region, pointing at one key), AWS's alias name rules, and
// the entry ListAliases returns for it.
import {
  InvalidAliasNameException,
  LimitExceededException,
  NotAuthorizedException,
  ValidationException
} from '../../../../shared/errors'
import type { AliasListEntry } from '../../../../shared/kms/types'
import type { LabKey } from './key'
import type { LabState } from './lab-state'

/** AWS's default quota of aliases per KMS key (AWS raises it on request; the lab keeps it).
 * https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html#aliases-per-key */
export const ALIASES_PER_KEY = 50

export interface LabAlias {
  aliasName: string
  region: string
  accountId: string
  targetKeyId: string
  createdAt: number
  updatedAt: number
}

export function aliasArnOf(alias: LabAlias): string {
  return `arn:aws:kms:${alias.region}:${alias.accountId}:${alias.aliasName}`
}

export function aliasEntry(alias: LabAlias): AliasListEntry {
  return {
    AliasName: alias.aliasName,
    AliasArn: aliasArnOf(alias),
    TargetKeyId: alias.targetKeyId,
    CreationDate: new Date(alias.createdAt),
    LastUpdatedDate: new Date(alias.updatedAt)
  }
}

/**
 * The rules CreateAlias and UpdateAlias apply beyond the member pattern: the `alias/` prefix,
 * a name after it, and the `alias/aws/` prefix that only AWS managed keys may use.
 */
export function checkAliasName(name: string): void {
  if (!name.startsWith('alias/')) {
    throw new ValidationException(
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html'
    )
  }
  if (name === 'alias/') {
    // Lab wording: AWS's text for an empty alias name is not documented.
    throw new InvalidAliasNameException('Alias name must not be empty after the prefix "alias/".')
  }
  if (name.startsWith('alias/aws/')) {
    // AWS answers a reserved name with NotAuthorizedException and no message.
    throw new NotAuthorizedException('')
  }
  // The member pattern allows ':', but an alias name may not have one.
  if (name.includes(':')) {
    throw new ValidationException(`${name} contains invalid characters for an alias`)
  }
}

/** CreateAlias and UpdateAlias need a key id or key ARN as the target, not another alias. */
export function checkAliasTarget(target: string): void {
  if (target.startsWith('alias/') || /^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(target)) {
    throw new ValidationException('Aliases must refer to keys. Not aliases')
  }
}

/** CreateAlias and UpdateAlias may not give a key more aliases than the quota (AWS's text). */
export function checkAliasQuota(state: LabState, key: LabKey): void {
  const usage = state.aliasesOf(key).length
  if (usage >= ALIASES_PER_KEY) {
    throw new LimitExceededException(
      `Aliases per key quota for this account in this region is ${ALIASES_PER_KEY}, current usage is ${usage}.`
    )
  }
}

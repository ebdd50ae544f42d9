// The key policy a create-key draft gets: the console's (shared/iam/console-key-policy.ts) from
// the draft's administrators and users, or KMS's default when the draft names no one.
import { consoleKeyPolicy as writePolicy } from '../../../shared/iam/console-key-policy'
import { defaultKeyPolicy } from '../../../shared/kms/default-key-policy'
import { namesNoPrincipals, type KeyDraft } from './key-draft'

export function consoleKeyPolicy(draft: KeyDraft, accountId: string): string {
  return writePolicy({
    accountId,
    administrators: draft.administrators,
    users: [...draft.users, ...draft.otherAccounts.map((a) => `arn:aws:iam::${a}:root`)],
    allowKeyDeletion: draft.allowAdminsToDelete,
    keyUsage: draft.keyUsage,
    symmetric: draft.keyType === 'symmetric'
  })
}

/** A principal the wizard accepts: an IAM user or role ARN. */
export const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/[\w+=,.@/-]+$/
export const ACCOUNT_ID = /^\d{12}$/

/**
 * The key policy the new key will have: KMS's default when the draft names no principals (the
 * request then carries no Policy, see createKeyRequest), else the console's.
 */
export function keyPolicyFor(draft: KeyDraft, accountId: string): string {
  return namesNoPrincipals(draft) ? defaultKeyPolicy(accountId) : consoleKeyPolicy(draft, accountId)
}

// The key policy the AWS console writes for a new key: the account root statement, then, when
// chosen, key administrators, key users (and other accounts), and for symmetric encryption keys
// the grant statement for AWS resources.
import { defaultKeyPolicy } from '../../../shared/kms/default-key-policy'
import { namesNoPrincipals, type KeyDraft } from './key-draft'

const ADMIN_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:RotateKeyOnDemand'
]
const DELETE_ACTIONS = ['kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion']

function userActions(draft: KeyDraft): string[] {
  switch (draft.keyUsage) {
    case 'SIGN_VERIFY':
      return ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign', 'kms:Verify']
    case 'GENERATE_VERIFY_MAC':
      return ['kms:DescribeKey', 'kms:GenerateMac', 'kms:VerifyMac']
    case 'KEY_AGREEMENT':
      return ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:DeriveSharedSecret']
    default:
      return draft.keyType === 'symmetric'
        ? [
            'kms:Encrypt',
            'kms:Decrypt',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:DescribeKey'
          ]
        : ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:DescribeKey', 'kms:GetPublicKey']
  }
}

const principal = (arns: string[]): string | string[] => (arns.length === 1 ? arns[0] : arns)

export function consoleKeyPolicy(draft: KeyDraft, accountId: string): string {
  const statements: object[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: 'kms:*',
      Resource: '*'
    }
  ]
  if (draft.administrators.length) {
    statements.push({
      Sid: 'Allow access for Key Administrators',
      Effect: 'Allow',
      Principal: { AWS: principal(draft.administrators) },
      Action: [...ADMIN_ACTIONS, ...(draft.allowAdminsToDelete ? DELETE_ACTIONS : [])],
      Resource: '*'
    })
  }
  const users = [
    ...draft.users,
    ...draft.otherAccounts.map((account) => `arn:aws:iam::${account}:root`)
  ]
  if (users.length) {
    statements.push({
      Sid: 'Allow use of the key',
      Effect: 'Allow',
      Principal: { AWS: principal(users) },
      Action: userActions(draft),
      Resource: '*'
    })
    if (draft.keyType === 'symmetric' && draft.keyUsage === 'ENCRYPT_DECRYPT') {
      statements.push({
        Sid: 'Allow attachment of persistent resources',
        Effect: 'Allow',
        Principal: { AWS: principal(users) },
        Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } }
      })
    }
  }
  return JSON.stringify(
    { Id: 'key-consolepolicy-3', Version: '2012-10-17', Statement: statements },
    null,
    4
  )
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

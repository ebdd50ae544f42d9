// The key policy the KMS console writes from its create-key wizard: the account statement
// (IAM policies enabled), key administrators, key users with the actions the key's usage
// allows, and, for symmetric encryption keys, the statement that lets key users attach the key
// to AWS resources with grants. Formatted as the console and GetKeyPolicy show it.
// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html

export const CONSOLE_POLICY_SIDS = {
  root: 'Enable IAM User Permissions',
  administrators: 'Allow access for Key Administrators',
  users: 'Allow use of the key',
  grants: 'Allow attachment of persistent resources'
} as const

export const KEY_ADMIN_ACTIONS = [
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
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:RotateKeyOnDemand'
]

const DELETE_ACTIONS = ['kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion']

export interface ConsoleKeyPolicyInput {
  accountId: string
  /** Principal ARNs (users, roles) that administer the key. */
  administrators: string[]
  /** Principal ARNs (users, roles, or other accounts' roots) that use the key. */
  users: string[]
  /** "Allow key administrators to delete this key" (on by default in the console). */
  allowKeyDeletion?: boolean
  /** The key's usage and whether it is a symmetric key (default: symmetric encryption). */
  keyUsage?: string
  symmetric?: boolean
}

/** What key users may do, by the key's usage, as the console writes it. */
export function keyUserActions(keyUsage = 'ENCRYPT_DECRYPT', symmetric = true): string[] {
  switch (keyUsage) {
    case 'SIGN_VERIFY':
      return ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign', 'kms:Verify']
    case 'GENERATE_VERIFY_MAC':
      return ['kms:DescribeKey', 'kms:GenerateMac', 'kms:VerifyMac']
    case 'KEY_AGREEMENT':
      return ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:DeriveSharedSecret']
    default:
      return symmetric
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

const one = (list: string[]): string | string[] => (list.length === 1 ? list[0] : list)

export function consoleKeyPolicy(input: ConsoleKeyPolicyInput): string {
  const symmetric = input.symmetric ?? true
  const statements: object[] = [
    {
      Sid: CONSOLE_POLICY_SIDS.root,
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${input.accountId}:root` },
      Action: 'kms:*',
      Resource: '*'
    }
  ]
  if (input.administrators.length) {
    const actions =
      input.allowKeyDeletion === false
        ? KEY_ADMIN_ACTIONS.filter((a) => !DELETE_ACTIONS.includes(a))
        : KEY_ADMIN_ACTIONS
    statements.push({
      Sid: CONSOLE_POLICY_SIDS.administrators,
      Effect: 'Allow',
      Principal: { AWS: one(input.administrators) },
      Action: actions,
      Resource: '*'
    })
  }
  if (input.users.length) {
    statements.push({
      Sid: CONSOLE_POLICY_SIDS.users,
      Effect: 'Allow',
      Principal: { AWS: one(input.users) },
      Action: keyUserActions(input.keyUsage, symmetric),
      Resource: '*'
    })
    if (symmetric && (input.keyUsage ?? 'ENCRYPT_DECRYPT') === 'ENCRYPT_DECRYPT') {
      statements.push({
        Sid: CONSOLE_POLICY_SIDS.grants,
        Effect: 'Allow',
        Principal: { AWS: one(input.users) },
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

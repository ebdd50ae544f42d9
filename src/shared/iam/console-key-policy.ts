// The key policy the KMS console writes from its create-key wizard: the account statement
// (IAM policies enabled), key administrators, key users, and the statement that lets key users
// attach the key to AWS resources with grants. Formatted as the console and GetKeyPolicy show it.
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

export const KEY_USER_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:DescribeKey'
]

export interface ConsoleKeyPolicyInput {
  accountId: string
  /** Principal ARNs (users, roles) that administer the key. */
  administrators: string[]
  /** Principal ARNs (users, roles, or other accounts' roots) that use the key. */
  users: string[]
  /** "Allow key administrators to delete this key" (on by default in the console). */
  allowKeyDeletion?: boolean
}

const one = (list: string[]): string | string[] => (list.length === 1 ? list[0] : list)

export function consoleKeyPolicy(input: ConsoleKeyPolicyInput): string {
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
        ? KEY_ADMIN_ACTIONS.filter(
            (a) => a !== 'kms:ScheduleKeyDeletion' && a !== 'kms:CancelKeyDeletion'
          )
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
    statements.push(
      {
        Sid: CONSOLE_POLICY_SIDS.users,
        Effect: 'Allow',
        Principal: { AWS: one(input.users) },
        Action: KEY_USER_ACTIONS,
        Resource: '*'
      },
      {
        Sid: CONSOLE_POLICY_SIDS.grants,
        Effect: 'Allow',
        Principal: { AWS: one(input.users) },
        Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } }
      }
    )
  }
  return JSON.stringify(
    { Id: 'key-consolepolicy-3', Version: '2012-10-17', Statement: statements },
    null,
    4
  )
}

// The key policy's default view: administrators, users, other accounts and IAM delegation read
// from a policy in the console's default form, and statements it does not know listed as is.
import { describe, expect, it } from 'vitest'
import { readKeyPolicy } from '../../../../src/renderer/src/components/iam/key-policy-view'

const A = '111122223333'
const consolePolicy = JSON.stringify({
  Id: 'key-consolepolicy-3',
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${A}:root` },
      Action: 'kms:*',
      Resource: '*'
    },
    {
      Sid: 'Allow access for Key Administrators',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${A}:user/lab-admin` },
      Action: ['kms:Create*', 'kms:Describe*', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
      Resource: '*'
    },
    {
      Sid: 'Allow use of the key',
      Effect: 'Allow',
      Principal: {
        AWS: [
          `arn:aws:iam::${A}:role/KMSWorkshop-InstanceInitRole`,
          'arn:aws:iam::444455556666:root'
        ]
      },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:DescribeKey'
      ],
      Resource: '*'
    },
    {
      Sid: 'Allow attachment of persistent resources',
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${A}:role/KMSWorkshop-InstanceInitRole`] },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } }
    },
    { Sid: 'Deny outside', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }
  ]
})

describe('key policy default view', () => {
  it('reads administrators, users, other accounts and the IAM statement', () => {
    const v = readKeyPolicy(consolePolicy, A)!
    expect(v.iamEnabled).toBe(true)
    expect(v.administrators.map((p) => [p.kind, p.name])).toEqual([['user', 'lab-admin']])
    expect(v.adminsCanDelete).toBe(true)
    expect(v.users.map((p) => p.name)).toEqual(['KMSWorkshop-InstanceInitRole'])
    expect(v.otherAccounts.map((p) => p.name)).toEqual(['444455556666'])
    expect(v.others).toEqual([
      {
        sid: 'Deny outside',
        effect: 'Deny',
        principals: [{ arn: '*', name: 'Everyone (*)', kind: 'any' }],
        actions: ['kms:Decrypt']
      }
    ])
  })

  it('says IAM policies do not apply without the account statement; undefined for non-JSON', () => {
    const v = readKeyPolicy(
      JSON.stringify({
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${A}:user/bob` },
          Action: 'kms:*',
          Resource: '*'
        }
      }),
      A
    )!
    expect(v.iamEnabled).toBe(false)
    expect(v.others[0].principals[0]).toMatchObject({ kind: 'user', name: 'bob' })
    expect(readKeyPolicy('not json')).toBeUndefined()
  })
})

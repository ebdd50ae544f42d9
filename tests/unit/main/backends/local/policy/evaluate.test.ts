// The evaluator against cases from AWS's documentation: explicit deny over allow, NotAction,
// the key policy's account statement (without it IAM policies grant nothing), conditions on
// encryption context and other KMS keys, wildcards, and grants with constraints.
import { describe, expect, it } from 'vitest'
import {
  evaluateCheck,
  type NamedPolicy
} from '../../../../../../src/main/backends/local/policy/evaluate'
import type { GrantView } from '../../../../../../src/main/backends/local/policy/grant-match'
import { parsePolicy } from '../../../../../../src/main/backends/local/policy/policy-document'
import {
  buildContext,
  type CallerIdentity
} from '../../../../../../src/main/backends/local/policy/request-context'
import { defaultKeyPolicy } from '../../../../../../src/shared/kms/default-key-policy'

const ACCOUNT = '111122223333'
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
const alice: CallerIdentity = {
  principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  callerArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  type: 'user',
  name: 'alice'
}
const role: CallerIdentity = {
  principalArn: `arn:aws:iam::${ACCOUNT}:role/KMSWorkshop-InstanceInitRole`,
  callerArn: `arn:aws:sts::${ACCOUNT}:assumed-role/KMSWorkshop-InstanceInitRole/KeyLab`,
  accountId: ACCOUNT,
  type: 'role',
  name: 'KMSWorkshop-InstanceInitRole'
}

const identity = (name: string, doc: object): NamedPolicy => ({
  source: 'managed',
  name,
  arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
  document: parsePolicy(JSON.stringify(doc), 'identity')
})
const allow = (
  action: string | string[],
  resource: string | string[] = '*',
  extra = {}
): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }]
})

function check(opts: {
  action: string
  caller?: CallerIdentity
  keyPolicy?: string
  policies?: NamedPolicy[]
  grants?: GrantView[]
  input?: Record<string, unknown>
  scope?: 'key' | 'iam'
  resource?: string
}) {
  const caller = opts.caller ?? alice
  const scope = opts.scope ?? 'key'
  return evaluateCheck({
    action: opts.action,
    resource: opts.resource ?? (scope === 'key' ? KEY : '*'),
    scope,
    caller,
    context: buildContext({
      caller,
      operation: opts.action.slice(4),
      input: opts.input ?? {},
      now: Date.parse('2026-12-01T00:00:00Z'),
      region: 'us-east-1'
    }),
    keyPolicy:
      scope === 'key' ? parsePolicy(opts.keyPolicy ?? defaultKeyPolicy(ACCOUNT), 'key') : undefined,
    identityPolicies: opts.policies ?? [],
    grants: opts.grants ?? [],
    encryptionContext: opts.input?.EncryptionContext as Record<string, string> | undefined
  })
}

const keyPolicy = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })
const ROOT_STATEMENT = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*'
}

describe('policy evaluation', () => {
  it('IAM-only actions: denied with AWS text until an identity policy allows them', () => {
    const denied = check({ action: 'kms:CreateKey', scope: 'iam', caller: role })
    expect(denied.decision).toBe('ImplicitDeny')
    expect(denied.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/KMSWorkshop-InstanceInitRole/KeyLab is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`
    )
    expect(denied.fix?.target).toBe('identity-policy')
    const allowed = check({
      action: 'kms:CreateKey',
      scope: 'iam',
      caller: role,
      policies: [identity('P', allow(['kms:Create*', 'kms:List*']))]
    })
    expect(allowed.decision).toBe('Allow')
    expect(allowed.decidedBy).toContain('managed policy P')
  })

  it('the default key policy delegates to IAM: allowed only when an identity policy allows', () => {
    const denied = check({ action: 'kms:Decrypt' })
    expect(denied).toMatchObject({
      decision: 'ImplicitDeny',
      deniedIn: 'identity-based',
      keyPolicyDelegates: true
    })
    expect(denied.message).toBe(
      `User: ${alice.principalArn} is not authorized to perform: kms:Decrypt on resource: ${KEY} because no identity-based policy allows the kms:Decrypt action`
    )
    expect(
      check({ action: 'kms:Decrypt', policies: [identity('D', allow('kms:Decrypt', KEY))] })
        .decision
    ).toBe('Allow')
  })

  it('without the account statement, IAM policies grant nothing for that key', () => {
    const policy = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` },
      Action: 'kms:*',
      Resource: '*'
    })
    const result = check({
      action: 'kms:Decrypt',
      keyPolicy: policy,
      policies: [identity('All', allow('kms:*'))]
    })
    expect(result).toMatchObject({
      decision: 'ImplicitDeny',
      deniedIn: 'resource-based',
      keyPolicyDelegates: false
    })
    expect(result.message).toBe(
      `User: ${alice.principalArn} is not authorized to perform: kms:Decrypt on resource: ${KEY} because no resource-based policy allows the kms:Decrypt action`
    )
    expect(result.fix?.target).toBe('key-policy')
  })

  it('a key policy naming the principal allows without any IAM policy', () => {
    const policy = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: alice.principalArn },
      Action: ['kms:Encrypt', 'kms:Decrypt'],
      Resource: '*'
    })
    expect(check({ action: 'kms:Decrypt', keyPolicy: policy }).decision).toBe('Allow')
    expect(check({ action: 'kms:ScheduleKeyDeletion', keyPolicy: policy }).decision).toBe(
      'ImplicitDeny'
    )
  })

  it('a key policy naming a role allows its sessions', () => {
    const policy = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: role.principalArn },
      Action: 'kms:Describe*',
      Resource: '*'
    })
    expect(check({ action: 'kms:DescribeKey', keyPolicy: policy, caller: role }).decision).toBe(
      'Allow'
    )
  })

  it('explicit deny wins over any allow, in the key policy or an identity policy', () => {
    const policy = keyPolicy(ROOT_STATEMENT, {
      Sid: 'DenyDelete',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:ScheduleKeyDeletion',
      Resource: '*'
    })
    const r = check({
      action: 'kms:ScheduleKeyDeletion',
      keyPolicy: policy,
      policies: [identity('Admin', allow('*'))]
    })
    expect(r).toMatchObject({ decision: 'ExplicitDeny', deniedIn: 'resource-based' })
    expect(r.message).toBe(
      `User: ${alice.principalArn} is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${KEY} with an explicit deny in a resource-based policy`
    )
    const deny = identity('NoDecrypt', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }]
    })
    const r2 = check({ action: 'kms:Decrypt', policies: [identity('Admin', allow('*')), deny] })
    expect(r2).toMatchObject({ decision: 'ExplicitDeny', deniedIn: 'identity-based' })
    expect(r2.message).toBe(
      `User: ${alice.principalArn} is not authorized to perform: kms:Decrypt on resource: ${KEY} with an explicit deny in an identity-based policy: arn:aws:iam::${ACCOUNT}:policy/NoDecrypt`
    )
  })

  it('NotAction allows everything but the listed actions (AWS example: all KMS but deletion)', () => {
    const p = identity('NotDelete', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['kms:ScheduleKeyDeletion', 'kms:Delete*'], Resource: '*' }
      ]
    })
    expect(check({ action: 'kms:Encrypt', policies: [p] }).decision).toBe('Allow')
    expect(check({ action: 'kms:ScheduleKeyDeletion', policies: [p] }).decision).toBe(
      'ImplicitDeny'
    )
    expect(check({ action: 'kms:DeleteImportedKeyMaterial', policies: [p] }).decision).toBe(
      'ImplicitDeny'
    )
  })

  it('Resource and NotResource with wildcards; actions match case-insensitively', () => {
    const p = identity(
      'R',
      allow('KMS:decrypt', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-*')
    )
    expect(check({ action: 'kms:Decrypt', policies: [p] }).decision).toBe('Allow')
    const other = identity('O', allow('kms:Decrypt', 'arn:aws:kms:us-west-2:*:key/*'))
    expect(check({ action: 'kms:Decrypt', policies: [other] }).decision).toBe('ImplicitDeny')
    const not = identity('N', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          NotResource: 'arn:aws:kms:*:*:key/1234abcd-12ab-34cd-56ef-123456789?ab'
        }
      ]
    })
    expect(check({ action: 'kms:Decrypt', policies: [not] }).decision).toBe('ImplicitDeny')
  })

  it('kms:EncryptionContext conditions (AWS example: require a context pair)', () => {
    const p = identity(
      'EC',
      allow('kms:Decrypt', '*', {
        Condition: { StringEquals: { 'kms:EncryptionContext:AppName': 'ExampleApp' } }
      })
    )
    expect(
      check({
        action: 'kms:Decrypt',
        policies: [p],
        input: { EncryptionContext: { AppName: 'ExampleApp' } }
      }).decision
    ).toBe('Allow')
    expect(
      check({
        action: 'kms:Decrypt',
        policies: [p],
        input: { EncryptionContext: { AppName: 'Other' } }
      }).decision
    ).toBe('ImplicitDeny')
    const r = check({ action: 'kms:Decrypt', policies: [p] })
    expect(r.decision).toBe('ImplicitDeny')
    expect(r.policies[1].statements[0].reason).toContain(
      'StringEquals kms:EncryptionContext:AppName'
    )
  })

  it('kms:EncryptionContextKeys with ForAllValues / ForAnyValue', () => {
    const only = identity(
      'Only',
      allow('kms:Encrypt', '*', {
        Condition: {
          'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['Department', 'Project'] }
        }
      })
    )
    const ec = (c: Record<string, string>) => ({ EncryptionContext: c })
    expect(
      check({ action: 'kms:Encrypt', policies: [only], input: ec({ Department: 'IT' }) }).decision
    ).toBe('Allow')
    expect(
      check({
        action: 'kms:Encrypt',
        policies: [only],
        input: ec({ Department: 'IT', Other: 'x' })
      }).decision
    ).toBe('ImplicitDeny')
    const any = identity(
      'Any',
      allow('kms:Encrypt', '*', {
        Condition: { 'ForAnyValue:StringLike': { 'kms:EncryptionContextKeys': 'Proj*' } }
      })
    )
    expect(
      check({ action: 'kms:Encrypt', policies: [any], input: ec({ Project: 'a' }) }).decision
    ).toBe('Allow')
    expect(check({ action: 'kms:Encrypt', policies: [any] }).decision).toBe('ImplicitDeny')
  })

  it('kms:CallerAccount, aws:PrincipalArn (ArnLike), kms:KeySpec, Null and IfExists', () => {
    const policy = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Encrypt',
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:CallerAccount': ACCOUNT },
        ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/KMSWorkshop-*` }
      }
    })
    expect(check({ action: 'kms:Encrypt', keyPolicy: policy, caller: role }).decision).toBe('Allow')
    expect(check({ action: 'kms:Encrypt', keyPolicy: policy }).decision).toBe('ImplicitDeny')
    const spec = identity(
      'Spec',
      allow('kms:CreateKey', '*', {
        Condition: {
          StringEquals: { 'kms:KeySpec': 'SYMMETRIC_DEFAULT' },
          NumericLessThanEqualsIfExists: { 'kms:RotationPeriodInDays': '365' }
        }
      })
    )
    expect(check({ action: 'kms:CreateKey', scope: 'iam', policies: [spec] }).decision).toBe(
      'Allow'
    )
    expect(
      check({
        action: 'kms:CreateKey',
        scope: 'iam',
        policies: [spec],
        input: { KeySpec: 'RSA_2048' }
      }).decision
    ).toBe('ImplicitDeny')
    const nul = identity(
      'Null',
      allow('kms:Encrypt', '*', { Condition: { Null: { 'kms:EncryptionContextKeys': 'false' } } })
    )
    expect(check({ action: 'kms:Encrypt', policies: [nul] }).decision).toBe('ImplicitDeny')
    expect(
      check({ action: 'kms:Encrypt', policies: [nul], input: { EncryptionContext: { a: 'b' } } })
        .decision
    ).toBe('Allow')
  })

  it('StringNotEquals matches an absent key; Bool, Date and policy variables', () => {
    const deny = identity('DenyOthers', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'kms:*', Resource: '*' },
        {
          Effect: 'Deny',
          Action: 'kms:Encrypt',
          Resource: '*',
          Condition: { StringNotEquals: { 'kms:EncryptionContext:Team': 'blue' } }
        }
      ]
    })
    expect(check({ action: 'kms:Encrypt', policies: [deny] }).decision).toBe('ExplicitDeny')
    expect(
      check({
        action: 'kms:Encrypt',
        policies: [deny],
        input: { EncryptionContext: { Team: 'blue' } }
      }).decision
    ).toBe('Allow')
    const dated = identity(
      'Dated',
      allow('kms:Decrypt', '*', {
        Condition: {
          DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' },
          Bool: { 'aws:SecureTransport': 'false' }
        }
      })
    )
    expect(check({ action: 'kms:Decrypt', policies: [dated] }).decision).toBe('Allow')
    const vars = identity(
      'Vars',
      allow('kms:Decrypt', '*', {
        Condition: { StringEquals: { 'kms:EncryptionContext:owner': '${aws:username}' } }
      })
    )
    expect(
      check({
        action: 'kms:Decrypt',
        policies: [vars],
        input: { EncryptionContext: { owner: 'alice' } }
      }).decision
    ).toBe('Allow')
    expect(
      check({
        action: 'kms:Decrypt',
        policies: [vars],
        input: { EncryptionContext: { owner: 'bob' } }
      }).decision
    ).toBe('ImplicitDeny')
  })

  it('kms:GrantOperations and kms:GrantIsForAWSResource on CreateGrant', () => {
    const p = identity(
      'G',
      allow('kms:CreateGrant', '*', {
        Condition: {
          'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] }
        }
      })
    )
    expect(
      check({ action: 'kms:CreateGrant', policies: [p], input: { Operations: ['Decrypt'] } })
        .decision
    ).toBe('Allow')
    expect(
      check({
        action: 'kms:CreateGrant',
        policies: [p],
        input: { Operations: ['Decrypt', 'RetireGrant'] }
      }).decision
    ).toBe('ImplicitDeny')
    const aws = identity(
      'A',
      allow('kms:CreateGrant', '*', {
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } }
      })
    )
    expect(
      check({ action: 'kms:CreateGrant', policies: [aws], input: { Operations: ['Decrypt'] } })
        .decision
    ).toBe('ImplicitDeny')
  })

  it('grants allow their grantee, with EncryptionContextSubset / Equals constraints', () => {
    const noIam = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' },
      Action: 'kms:*',
      Resource: '*'
    })
    const subset: GrantView = {
      grantId: 'a'.repeat(64),
      granteePrincipal: alice.principalArn,
      operations: ['Decrypt', 'DescribeKey'],
      constraints: { EncryptionContextSubset: { Department: 'IT' } }
    }
    const ec = (c: Record<string, string>) => ({ EncryptionContext: c })
    expect(
      check({
        action: 'kms:Decrypt',
        keyPolicy: noIam,
        grants: [subset],
        input: ec({ department: 'IT', extra: '1' })
      }).decision
    ).toBe('Allow')
    expect(
      check({
        action: 'kms:Decrypt',
        keyPolicy: noIam,
        grants: [subset],
        input: ec({ Department: 'it' })
      }).decision
    ).toBe('ImplicitDeny')
    expect(check({ action: 'kms:DescribeKey', keyPolicy: noIam, grants: [subset] }).decision).toBe(
      'Allow'
    )
    expect(
      check({
        action: 'kms:Encrypt',
        keyPolicy: noIam,
        grants: [subset],
        input: ec({ Department: 'IT' })
      }).decision
    ).toBe('ImplicitDeny')
    const equals: GrantView = {
      ...subset,
      constraints: { EncryptionContextEquals: { Department: 'IT' } }
    }
    expect(
      check({
        action: 'kms:Decrypt',
        keyPolicy: noIam,
        grants: [equals],
        input: ec({ Department: 'IT' })
      }).decision
    ).toBe('Allow')
    expect(
      check({
        action: 'kms:Decrypt',
        keyPolicy: noIam,
        grants: [equals],
        input: ec({ Department: 'IT', extra: '1' })
      }).decision
    ).toBe('ImplicitDeny')
    const bobs: GrantView = { ...subset, granteePrincipal: 'arn:aws:iam::111122223333:user/bob' }
    expect(check({ action: 'kms:DescribeKey', keyPolicy: noIam, grants: [bobs] }).decision).toBe(
      'ImplicitDeny'
    )
  })

  it('an explicit deny also beats a grant', () => {
    const policy = keyPolicy(ROOT_STATEMENT, {
      Effect: 'Deny',
      Principal: '*',
      Action: 'kms:Decrypt',
      Resource: '*'
    })
    const g: GrantView = {
      grantId: 'b'.repeat(64),
      granteePrincipal: alice.principalArn,
      operations: ['Decrypt']
    }
    expect(check({ action: 'kms:Decrypt', keyPolicy: policy, grants: [g] }).decision).toBe(
      'ExplicitDeny'
    )
  })

  it('a grant with CreateGrant and a constraint allows only equally strict new grants', () => {
    const noIam = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' },
      Action: 'kms:*',
      Resource: '*'
    })
    const parent: GrantView = {
      grantId: 'c'.repeat(64),
      granteePrincipal: alice.principalArn,
      operations: ['CreateGrant', 'Decrypt'],
      constraints: { EncryptionContextSubset: { Team: 'blue' } }
    }
    const create = (grantConstraints?: object) =>
      evaluateCheck({
        action: 'kms:CreateGrant',
        resource: KEY,
        scope: 'key',
        caller: alice,
        context: buildContext({
          caller: alice,
          operation: 'CreateGrant',
          input: {},
          now: 0,
          region: 'us-east-1'
        }),
        keyPolicy: parsePolicy(noIam, 'key'),
        identityPolicies: [],
        grants: [parent],
        grantConstraints
      }).decision
    expect(create()).toBe('ImplicitDeny')
    expect(create({ EncryptionContextSubset: { Team: 'red' } })).toBe('ImplicitDeny')
    expect(create({ EncryptionContextSubset: { team: 'blue', App: 'x' } })).toBe('Allow')
    expect(create({ EncryptionContextEquals: { Team: 'blue' } })).toBe('Allow')
  })
})

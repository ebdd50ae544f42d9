// The per-operation authorization spec through the authorizer: which checks each operation
// makes (alias and key for CreateAlias, ReEncryptFrom and ReEncryptTo, TagResource with
// CreateKey tags), keys that do not exist skipped, and the grammar errors of policies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { explainRequest } from '../../../../../../src/main/backends/local/policy/authorizer'
import { parsePolicy } from '../../../../../../src/main/backends/local/policy/policy-document'
import { createIamService } from '../../../../../../src/main/services/iam-service'
import { Session } from '../../../../../../src/main/services/session'
import { LocalBackend } from '../../../../../../src/main/backends/local/local-backend'
import { withTempLab } from '../../../../../helpers/lab'
import type { Lab } from '../../../../../../src/main/backends/local/lab'
import type { KmsOperationName } from '../../../../../../src/shared/kms/operations'

const A = '111122223333'
const ROLE = `arn:aws:iam::${A}:role/App`
let lab: Lab
let cleanup: () => Promise<void>
let keyId: string

beforeEach(async () => {
  const t = withTempLab()
  lab = t.lab
  cleanup = t.cleanup
  const iam = createIamService(
    new Session(
      { backend: new LocalBackend(lab.engine), label: 'lab', lab: lab.engine },
      'us-east-1'
    )
  )
  await iam.createPrincipal({ type: 'role', name: 'App' })
  const policy = await iam.createPolicy({
    policyName: 'Aliases',
    document: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kms:CreateAlias',
          Resource: `arn:aws:kms:us-east-1:${A}:alias/app-*`
        },
        {
          Effect: 'Allow',
          Action: ['kms:CreateAlias', 'kms:ReEncrypt*'],
          Resource: `arn:aws:kms:*:${A}:key/*`
        }
      ]
    })
  })
  await iam.attachPolicy({ principalArn: ROLE, policyArn: policy.arn })
  keyId = (await lab.engine.call('CreateKey', {}, { region: 'us-east-1' })).KeyMetadata!.KeyId!
})
afterEach(() => cleanup())

const explain = (op: KmsOperationName, input: Record<string, unknown>, options = {}) =>
  lab.engine.admin({ region: 'us-east-1', principalArn: ROLE }, (ctx) =>
    explainRequest(ctx, op, input, options)
  )

describe('authorizer', () => {
  it('CreateAlias needs kms:CreateAlias on the alias (IAM only) and on the key', async () => {
    const ok = await explain('CreateAlias', { AliasName: 'alias/app-one', TargetKeyId: keyId })
    expect(ok.checks.map((c) => [c.action, c.scope, c.decision])).toEqual([
      ['kms:CreateAlias', 'iam', 'Allow'],
      ['kms:CreateAlias', 'key', 'Allow']
    ])
    const bad = await explain('CreateAlias', { AliasName: 'alias/other', TargetKeyId: keyId })
    expect(bad.decision).toBe('Deny')
    expect(bad.checks[0].message).toBe(
      `User: arn:aws:sts::${A}:assumed-role/App/KeyLab is not authorized to perform: kms:CreateAlias on resource: arn:aws:kms:us-east-1:${A}:alias/other because no identity-based policy allows the kms:CreateAlias action`
    )
  })

  it('ReEncrypt needs ReEncryptFrom on the source (from the ciphertext) and ReEncryptTo on the destination', async () => {
    const r = await explain(
      'ReEncrypt',
      { CiphertextBlob: new Uint8Array([1, 2, 3]), DestinationKeyId: keyId },
      { ciphertextKeyId: () => keyId }
    )
    expect(r.checks.map((c) => [c.action, c.decision])).toEqual([
      ['kms:ReEncryptFrom', 'Allow'],
      ['kms:ReEncryptTo', 'Allow']
    ])
  })

  it('CreateKey with tags also needs kms:TagResource; a missing key is left to the operation', async () => {
    const r = await explain('CreateKey', { Tags: [{ TagKey: 'a', TagValue: 'b' }] })
    expect(r.checks.map((c) => c.action)).toEqual(['kms:CreateKey', 'kms:TagResource'])
    const missing = await explain('DescribeKey', { KeyId: '0000aaaa-0000-4000-8000-000000000000' })
    expect(missing).toMatchObject({ decision: 'Allow', checks: [] })
    const alias = await explain('DescribeKey', { KeyId: 'alias/none' })
    expect(alias.checks).toEqual([])
  })
})

describe('policy grammar (MalformedPolicyDocumentException texts)', () => {
  const bad = (doc: unknown, kind: 'key' | 'identity' = 'identity') => {
    try {
      parsePolicy(typeof doc === 'string' ? doc : JSON.stringify(doc), kind)
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`
    }
    return 'valid'
  }
  const st = (s: object) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...s }] })
  it('rejects what IAM rejects', () => {
    const M = 'MalformedPolicyDocumentException: '
    expect(bad('{')).toBe(`${M}Syntax errors in policy.`)
    expect(bad({ Version: '2020-01-01', Statement: [] })).toBe(
      `${M}The policy failed legacy parsing`
    )
    expect(bad(st({ Resource: '*' }))).toBe(`${M}Policy statement must contain actions.`)
    expect(bad(st({ Action: 'kms:Decrypt' }))).toBe(`${M}Policy statement must contain resources.`)
    expect(bad(st({ Action: 'Decrypt', Resource: '*' }))).toBe(
      `${M}Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.`
    )
    expect(bad(st({ Action: 'kms:Decrypt', Resource: 'key/1' }))).toBe(
      `${M}Resource key/1 must be in ARN format or "*".`
    )
    expect(bad(st({ Action: 'kms:Decrypt', Resource: '*', Principal: '*' }))).toBe(
      `${M}Policy document should not specify a principal.`
    )
    expect(
      bad(
        st({ Action: 'kms:Decrypt', Resource: '*', Condition: { StringEqualz: { 'kms:X': 'y' } } })
      )
    ).toBe(`${M}Syntax errors in policy.`)
    expect(
      bad(st({ Action: 'kms:Decrypt', Resource: '*', Principal: { AWS: 'bob' } }), 'key')
    ).toBe(`${M}Policy contains a statement with one or more invalid principals.`)
    expect(
      bad(
        st({ Action: 'kms:*', Resource: '*', Principal: { AWS: `arn:aws:iam::${A}:root` } }),
        'key'
      )
    ).toBe('valid')
    expect(
      bad(
        st({
          Action: 'kms:*',
          Resource: '*',
          Condition: { 'ForAnyValue:StringLikeIfExists': { 'kms:EncryptionContextKeys': 'a*' } }
        })
      )
    ).toBe('valid')
  })
})

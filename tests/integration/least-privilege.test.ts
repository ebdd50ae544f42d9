// The workshop's least-privilege story in-process, through the console services on a real lab
// store: as the workshop role, CreateKey is denied with AWS's text; attaching the KMS power-user
// policy allows it; kms:ImportKeyMaterial stays denied until a custom policy grants it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAuthorizationExplanation } from '../../src/shared/iam/authorization'
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import { explainRequest } from '../../src/main/backends/local/policy/authorizer'
import { createAuthorizer } from '../../src/main/backends/local/policy/authorizer'
import { lookupAccessKey } from '../../src/main/backends/local/iam/access-key-lookup'
import { createServices, type Services } from '../../src/main/services/services'
import { rmSync } from 'node:fs'
import { openTestLab, withTempLab } from '../helpers/lab'
import type { Lab } from '../../src/main/backends/local/lab'

const ACCOUNT = '111122223333'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/KMSWorkshop-InstanceInitRole`
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/KMSWorkshop-InstanceInitRole/KeyLab`
const POWER_USER = 'arn:aws:iam::aws:policy/AWSKeyManagementServicePowerUser'

let lab: Lab
let dir: string
let cleanup: () => Promise<void>
let s: Services

beforeEach(() => {
  const t = withTempLab({ authorize: createAuthorizer() })
  lab = t.lab
  dir = t.dir
  cleanup = t.cleanup
  s = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: 'us-east-1',
    version: 'test'
  })
})
afterEach(() => cleanup())

async function denied(call: Promise<unknown>): Promise<Error & { details?: unknown }> {
  const e = await call.then(
    () => undefined,
    (err: Error) => err
  )
  if (!e) throw new Error('expected AccessDeniedException, the call succeeded')
  expect(e.name).toBe('AccessDeniedException')
  return e as Error & { details?: unknown }
}

describe('the least-privilege lab', () => {
  it('lab-admin works out of the box; other principals are enforced', async () => {
    const session = await s.iam.getSession({})
    expect(session).toMatchObject({
      principalArn: `arn:aws:iam::${ACCOUNT}:user/lab-admin`,
      enforceForAll: false
    })
    await s.kms.CreateKey({})
    await s.iam.createPrincipal({ type: 'user', name: 'bob' })
    await s.iam.actAs({ principalArn: `arn:aws:iam::${ACCOUNT}:user/bob` })
    const e = await denied(s.kms.ListKeys({}))
    expect(e.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: kms:ListKeys on resource: * because no identity-based policy allows the kms:ListKeys action`
    )
  })

  it('the workshop story: CreateKey denied -> power user -> ImportKeyMaterial denied -> custom policy', async () => {
    const role = await s.iam.createPrincipal({ type: 'role', name: 'KMSWorkshop-InstanceInitRole' })
    expect(role).toMatchObject({ arn: ROLE, callerArn: SESSION })
    await s.iam.actAs({ principalArn: ROLE })

    const e = await denied(s.kms.CreateKey({}))
    expect(e.message).toBe(
      `User: ${SESSION} is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`
    )
    expect(isAuthorizationExplanation(e.details)).toBe(true)
    const why = e.details as { checks: { fix?: { statement?: string } }[] }
    expect(JSON.parse(why.checks[0].fix!.statement!)).toEqual({
      Effect: 'Allow',
      Action: 'kms:CreateKey',
      Resource: '*'
    })

    // The console's flow: search "AWSKeyManagementSystem", select, attach.
    const found = await s.iam.listPolicies({ search: 'AWSKeyManagementSystem' })
    expect(found.map((p) => p.arn)).toEqual([POWER_USER])
    await s.iam.attachPolicy({ principalArn: ROLE, policyArn: POWER_USER })

    const { KeyMetadata: key } = await s.kms.CreateKey({})
    expect(key!.KeyState).toBe('Enabled')
    const { KeyMetadata: ext } = await s.kms.CreateKey({ Origin: 'EXTERNAL' })
    await s.kms.DescribeKey({ KeyId: ext!.KeyId! })

    const importAllowed = (): Promise<string> =>
      s.iam
        .simulate({ principalArn: ROLE, action: 'kms:ImportKeyMaterial', keyId: ext!.KeyId })
        .then((r) => r.decision)
    const params = await s.iam.simulate({
      principalArn: ROLE,
      action: 'kms:GetParametersForImport',
      keyId: ext!.KeyId
    })
    expect(params.decision).toBe('Allow')
    const sim = await s.iam.simulate({
      principalArn: ROLE,
      action: 'kms:ImportKeyMaterial',
      keyId: ext!.KeyId
    })
    expect(sim.decision).toBe('Deny')
    expect(sim.checks[0].message).toBe(
      `User: ${SESSION} is not authorized to perform: kms:ImportKeyMaterial on resource: ${ext!.Arn} because no identity-based policy allows the kms:ImportKeyMaterial action`
    )
    expect(sim.checks[0].keyPolicyDelegates).toBe(true)

    // The authorizer's own decision for the ImportKeyMaterial request (the operation itself
    // comes with the imported-material work).
    const decision = await lab.engine.admin({ region: 'us-east-1', principalArn: ROLE }, (ctx) =>
      explainRequest(ctx, 'ImportKeyMaterial', { KeyId: ext!.KeyId })
    )
    expect(decision.decision).toBe('Deny')

    const custom = await s.iam.createPolicy({
      policyName: 'KMS-Workshop-ImportMaterialPermissions',
      document: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'kms:ImportKeyMaterial', Resource: '*' }]
      })
    })
    await s.iam.attachPolicy({ principalArn: ROLE, policyArn: custom.arn })
    expect(await importAllowed()).toBe('Allow')
    const after = await lab.engine.admin({ region: 'us-east-1', principalArn: ROLE }, (ctx) =>
      explainRequest(ctx, 'ImportKeyMaterial', { KeyId: ext!.KeyId })
    )
    expect(after.decision).toBe('Allow')
    expect(after.checks[0].decidedBy).toContain('KMS-Workshop-ImportMaterialPermissions')

    // Still least privilege: the role cannot schedule deletion or change the key policy.
    expect(
      (
        await s.iam.simulate({
          principalArn: ROLE,
          action: 'kms:ScheduleKeyDeletion',
          keyId: key!.KeyId
        })
      ).decision
    ).toBe('Deny')
  })

  it('a key policy without the account statement: IAM policies grant nothing; grants do', async () => {
    await s.iam.createPrincipal({ type: 'role', name: 'KMSWorkshop-InstanceInitRole' })
    await s.iam.attachPolicy({
      principalArn: ROLE,
      policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'
    })
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/lab-admin` },
          Action: 'kms:*',
          Resource: '*'
        }
      ]
    })
    const { KeyMetadata: key } = await s.kms.CreateKey({ Policy: policy })
    await s.iam.actAs({ principalArn: ROLE })
    const e = await denied(s.kms.DescribeKey({ KeyId: key!.KeyId! }))
    expect(e.message).toBe(
      `User: ${SESSION} is not authorized to perform: kms:DescribeKey on resource: ${key!.Arn} because no resource-based policy allows the kms:DescribeKey action`
    )
    await s.iam.actAs({ principalArn: `arn:aws:iam::${ACCOUNT}:user/lab-admin` })
    const grant = await s.kms.CreateGrant({
      KeyId: key!.KeyId!,
      GranteePrincipal: ROLE,
      Operations: ['DescribeKey'],
      RetiringPrincipal: ROLE
    })
    await s.iam.actAs({ principalArn: ROLE })
    await s.kms.DescribeKey({ KeyId: key!.KeyId!, GrantTokens: [grant.GrantToken!] })
    await s.kms.RetireGrant({ GrantToken: grant.GrantToken! })
    await denied(s.kms.DescribeKey({ KeyId: key!.KeyId! }))
  })

  it('enforcement for all: lab-admin is then checked like everyone', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/lab-admin` },
          Action: ['kms:PutKeyPolicy', 'kms:GetKeyPolicy'],
          Resource: '*'
        }
      ]
    })
    const { KeyMetadata: key } = await s.kms.CreateKey({ Policy: policy })
    await s.kms.DescribeKey({ KeyId: key!.KeyId! })
    await s.iam.setEnforcement({ enforceForAll: true })
    const e = await denied(s.kms.DescribeKey({ KeyId: key!.KeyId! }))
    expect(e.message).toContain(
      'because no resource-based policy allows the kms:DescribeKey action'
    )
    await s.kms.CreateKey({})
  })

  it('the lockout safety check refuses a policy that would lock the caller out', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/lab-admin` },
          Action: 'kms:Encrypt',
          Resource: '*'
        }
      ]
    })
    await expect(s.kms.CreateKey({ Policy: policy })).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'The new key policy will not allow you to update the key policy in the future.'
    })
    await s.kms.CreateKey({ Policy: policy, BypassPolicyLockoutSafetyCheck: true })
    const ghost = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'kms:*',
          Resource: '*'
        },
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Nobody` },
          Action: 'kms:*',
          Resource: '*'
        }
      ]
    })
    await expect(s.kms.CreateKey({ Policy: ghost })).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy contains a statement with one or more invalid principals.'
    })
    await expect(s.kms.CreateKey({ Policy: '{"Statement": [' })).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Syntax errors in policy.'
    })
  })

  it('access keys map to their principal for the endpoint, and survive a restart', async () => {
    await s.iam.createPrincipal({ type: 'role', name: 'KMSWorkshop-InstanceInitRole' })
    const created = await s.iam.createAccessKey({ principalArn: ROLE })
    expect(created.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(created.secretAccessKey).toHaveLength(40)
    expect(await lookupAccessKey(lab.engine, created.accessKeyId)).toEqual({
      secretAccessKey: created.secretAccessKey,
      principalArn: ROLE
    })
    expect(await lookupAccessKey(lab.engine, 'AKIAAAAAAAAAAAAAAAAA')).toBeUndefined()
    await lab.close()
    const reopened = openTestLab(dir)
    try {
      expect((await lookupAccessKey(reopened.engine, created.accessKeyId))?.principalArn).toBe(ROLE)
    } finally {
      await reopened.close()
    }
    lab = openTestLab(dir)
    s = createServices({
      backend: new LocalBackend(lab.engine),
      lab: lab.engine,
      region: 'us-east-1',
      version: 'test'
    })
    const t = lab
    cleanup = async () => {
      await t.close()
      rmSync(dir, { recursive: true, force: true })
    }
    await s.iam.deleteAccessKey({ principalArn: ROLE, accessKeyId: created.accessKeyId })
    expect(await lookupAccessKey(lab.engine, created.accessKeyId)).toBeUndefined()
  })
})

describe('the console key policy', () => {
  it('reads back as administrators and users, and passes the lockout check for its admin', async () => {
    const { consoleKeyPolicy } = await import('../../src/shared/iam/console-key-policy')
    const { readKeyPolicy } = await import('../../src/renderer/src/components/iam/key-policy-view')
    await s.iam.createPrincipal({ type: 'role', name: 'KMSWorkshop-InstanceInitRole' })
    const policy = consoleKeyPolicy({
      accountId: ACCOUNT,
      administrators: [`arn:aws:iam::${ACCOUNT}:user/lab-admin`],
      users: [ROLE]
    })
    const view = readKeyPolicy(policy, ACCOUNT)!
    expect(view.administrators.map((p) => p.name)).toEqual(['lab-admin'])
    expect(view.users.map((p) => p.name)).toEqual(['KMSWorkshop-InstanceInitRole'])
    const { KeyMetadata: key } = await s.kms.CreateKey({ Policy: policy })
    // The key user may describe the key without any IAM policy: the key policy names it.
    await s.iam.actAs({ principalArn: ROLE })
    await s.kms.DescribeKey({ KeyId: key!.KeyId! })
    const e = await denied(
      s.kms.CreateGrant({ KeyId: key!.KeyId!, GranteePrincipal: ROLE, Operations: ['Decrypt'] })
    )
    expect(e.message).toContain('kms:CreateGrant')
  })
})

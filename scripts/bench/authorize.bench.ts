// What authorization costs per call: DescribeKey on the lab engine as lab-admin (unchecked),
// as a role allowed by an attached policy, and denied (the AccessDeniedException with its
// explanation built), with 50 customer policies and 200 grants on the key to look through.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLab } from '../../src/main/backends/local/lab'
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import { createAuthorizer } from '../../src/main/backends/local/policy/authorizer'
import { createIamService } from '../../src/main/services/iam-service'
import { Session } from '../../src/main/services/session'
import { measure, table } from './measure'

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keylab-bench-'))
  const lab = openLab({
    dataDir: dir,
    unlock: { passphrase: 'bench' },
    scryptCost: { N: 1024, r: 8, p: 1 },
    authorize: createAuthorizer()
  })
  try {
    const region = 'us-east-1'
    const iam = createIamService(
      new Session({ backend: new LocalBackend(lab.engine), label: 'lab', lab: lab.engine }, region)
    )
    const role = (await iam.createPrincipal({ type: 'role', name: 'App' })).arn
    const other = (await iam.createPrincipal({ type: 'role', name: 'Nobody' })).arn
    for (let i = 0; i < 9; i++) {
      const p = await iam.createPolicy({
        policyName: `P${i}`,
        document: JSON.stringify({
          Version: '2012-10-17',
          Statement: Array.from({ length: 5 }, (_, j) => ({
            Effect: 'Allow',
            Action: [`kms:Encrypt`, `kms:List*`],
            Resource: `arn:aws:kms:*:*:key/${i}${j}*`,
            Condition: { StringEquals: { 'kms:EncryptionContext:app': `a${j}` } }
          }))
        })
      })
      await iam.attachPolicy({ principalArn: role, policyArn: p.arn })
    }
    await iam.attachPolicy({
      principalArn: role,
      policyArn: 'arn:aws:iam::aws:policy/AWSKeyManagementServicePowerUser'
    })
    const call = <Op extends 'CreateKey' | 'DescribeKey' | 'CreateGrant'>(
      op: Op,
      input: object,
      as?: string
    ) => lab.engine.call(op, input, { region, principalArn: as })
    const keyId = (await call('CreateKey', {})).KeyMetadata!.KeyId!
    for (let i = 0; i < 200; i++) {
      await call('CreateGrant', {
        KeyId: keyId,
        GranteePrincipal: `arn:aws:iam::111122223333:role/G${i}`,
        Operations: ['Decrypt']
      })
    }
    const figures = [
      await measure('DescribeKey as lab-admin (unchecked)', () =>
        call('DescribeKey', { KeyId: keyId })
      ),
      await measure('DescribeKey as role (allowed)', () =>
        call('DescribeKey', { KeyId: keyId }, role)
      ),
      await measure('DescribeKey as role (denied)', () =>
        call('DescribeKey', { KeyId: keyId }, other).catch(() => undefined)
      )
    ]
    table(figures.map((f) => ({ case: f.name, 'ops/s': f.opsPerSec, 'µs/op': f.meanUs })))
  } finally {
    await lab.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()

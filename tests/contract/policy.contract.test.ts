// Contract: key policies: the one `default` policy, kept verbatim, a JSON document within 32 KB.
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'
import { createKey } from './fixtures'

contract('GetKeyPolicy, PutKeyPolicy, ListKeyPolicies', (c) => {
  const root = (): string =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${c.t.accountId}:root` },
          Action: 'kms:*',
          Resource: '*'
        }
      ]
    })

  it('lists the one policy name, default', async () => {
    const key = await createKey(c)
    expect(await c.t.call('ListKeyPolicies', { KeyId: key.KeyId })).toMatchObject({
      PolicyNames: ['default'],
      Truncated: false
    })
  })

  it.skipIf(c.lacks('defaultPolicyName'))(
    'stores a policy verbatim, whitespace and all',
    async () => {
      const key = await createKey(c)
      const policy = `  ${root()}\n\n`
      await c.t.call('PutKeyPolicy', { KeyId: key.KeyId, PolicyName: 'default', Policy: policy })
      expect(await c.t.call('GetKeyPolicy', { KeyId: key.KeyId })).toMatchObject({
        Policy: policy,
        PolicyName: 'default'
      })
      await c.t.call('PutKeyPolicy', {
        KeyId: key.Arn,
        Policy: root(),
        BypassPolicyLockoutSafetyCheck: true
      })
      expect((await c.t.call('GetKeyPolicy', { KeyId: key.Arn })).Policy).toBe(root())
    }
  )

  it.skipIf(c.lacks('keyPolicies'))('refuses a document that is not a JSON object', async () => {
    const key = await createKey(c)
    for (const policy of ['{"Version": ', '[1, 2]', '"text"']) {
      await expectError(
        c.t.call('PutKeyPolicy', { KeyId: key.KeyId, Policy: policy }),
        'MalformedPolicyDocumentException',
        'Syntax errors in policy.'
      )
    }
    await expectError(
      c.t.call('CreateKey', { Policy: 'not json' }),
      'MalformedPolicyDocumentException',
      'Syntax errors in policy.'
    )
  })

  it.skipIf(c.lacks('keyPolicies'))('refuses a policy over 32 KB', async () => {
    const key = await createKey(c)
    const big = JSON.stringify({ Version: '2012-10-17', Id: 'x'.repeat(33 * 1024), Statement: [] })
    await expectError(
      c.t.call('PutKeyPolicy', { KeyId: key.KeyId, Policy: big }),
      'MalformedPolicyDocumentException',
      'The key policy exceeds the maximum size of 32768 bytes.'
    )
  })

  it('refuses characters outside the policy pattern and a missing policy', async () => {
    const key = await createKey(c)
    await expectError(
      c.t.call('PutKeyPolicy', { KeyId: key.KeyId, Policy: '{"Id": "\u2603"}' }),
      'ValidationException',
      /^1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: /
    )
    await expectError(
      c.t.call('PutKeyPolicy', { KeyId: key.KeyId }),
      'ValidationException',
      "1 validation error detected: Value null at 'policy' failed to satisfy constraint: Member must not be null"
    )
  })

  it('knows no policy name but default', async () => {
    const key = await createKey(c)
    await expectError(
      c.t.call('GetKeyPolicy', { KeyId: key.KeyId, PolicyName: 'other' }),
      'NotFoundException',
      'No such policy exists'
    )
  })
})

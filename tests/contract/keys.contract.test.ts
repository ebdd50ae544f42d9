// Contract: creating, describing and listing keys.
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'

contract('CreateKey, DescribeKey, ListKeys', (c) => {
  it('creates a symmetric key and describes it by id and ARN', async () => {
    const { KeyMetadata: md } = await c.t.call('CreateKey', { Description: 'contract' })
    expect(md).toMatchObject({
      KeyState: 'Enabled',
      KeySpec: 'SYMMETRIC_DEFAULT',
      Description: 'contract'
    })
    const byId = await c.t.call('DescribeKey', { KeyId: md!.KeyId })
    const byArn = await c.t.call('DescribeKey', { KeyId: md!.Arn })
    expect(byId.KeyMetadata!.Arn).toBe(md!.Arn)
    expect(byArn.KeyMetadata!.KeyId).toBe(md!.KeyId)
  })

  it('answers an unknown key id with NotFoundException and the key ARN', async () => {
    const id = '0000aaaa-0000-4000-8000-000000000000'
    await expectError(
      c.t.call('DescribeKey', { KeyId: id }),
      'NotFoundException',
      `Key 'arn:aws:kms:${c.t.region}:${c.t.accountId}:key/${id}' does not exist`
    )
  })

  it('validates ListKeys Limit with AWS text', async () => {
    await expectError(
      c.t.call('ListKeys', { Limit: 0 }),
      'ValidationException',
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
    )
  })
})

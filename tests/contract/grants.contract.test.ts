// Contract: grants on a key (create, list, retire, revoke) and their validation.
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'

contract('CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant', (c) => {
  const grantee = () => `arn:aws:iam::${c.t.accountId}:role/GrantUser`
  const retiree = () => `arn:aws:iam::${c.t.accountId}:user/Retiree`

  it.skipIf(c.lacks('grants'))(
    'creates a grant and lists it with the members AWS returns',
    async () => {
      const { KeyMetadata: key } = await c.t.call('CreateKey', {})
      const created = await c.t.call('CreateGrant', {
        KeyId: key!.KeyId,
        GranteePrincipal: grantee(),
        RetiringPrincipal: retiree(),
        Operations: ['Encrypt', 'Decrypt'],
        Constraints: { EncryptionContextSubset: { Department: 'IT' } },
        Name: 'contract-grant'
      })
      expect(created.GrantId).toMatch(/^[0-9a-f]{64}$/)
      expect(created.GrantToken!.length).toBeGreaterThan(32)
      const listed = await c.t.call('ListGrants', { KeyId: key!.Arn })
      expect(listed.Truncated).toBe(false)
      expect(listed.Grants).toHaveLength(1)
      expect(listed.Grants![0]).toMatchObject({
        KeyId: key!.Arn,
        GrantId: created.GrantId,
        Name: 'contract-grant',
        GranteePrincipal: grantee(),
        RetiringPrincipal: retiree(),
        IssuingAccount: `arn:aws:iam::${c.t.accountId}:root`,
        Operations: ['Decrypt', 'Encrypt'],
        Constraints: { EncryptionContextSubset: { Department: 'IT' } }
      })
      expect(listed.Grants![0].CreationDate).toBeInstanceOf(Date)
      const retirable = await c.t.call('ListRetirableGrants', { RetiringPrincipal: retiree() })
      expect(retirable.Grants!.map((g) => g.GrantId)).toContain(created.GrantId)
    }
  )

  it.skipIf(c.lacks('grants'))(
    'the same name and parameters give back the same grant id',
    async () => {
      const { KeyMetadata: key } = await c.t.call('CreateKey', {})
      const input = {
        KeyId: key!.KeyId,
        GranteePrincipal: grantee(),
        Operations: ['Decrypt'],
        Name: 'same'
      }
      const a = await c.t.call('CreateGrant', input)
      const b = await c.t.call('CreateGrant', input)
      expect(b.GrantId).toBe(a.GrantId)
      expect((await c.t.call('ListGrants', { KeyId: key!.KeyId })).Grants).toHaveLength(1)
    }
  )

  it.skipIf(c.lacks('paging'))(
    'pages grants with Limit and Marker, and filters by GrantId',
    async () => {
      const { KeyMetadata: key } = await c.t.call('CreateKey', {})
      const ids: string[] = []
      for (let i = 0; i < 3; i++) {
        const g = await c.t.call('CreateGrant', {
          KeyId: key!.KeyId,
          GranteePrincipal: grantee(),
          Operations: ['Encrypt']
        })
        ids.push(g.GrantId!)
      }
      const first = await c.t.call('ListGrants', { KeyId: key!.KeyId, Limit: 2 })
      expect(first.Truncated).toBe(true)
      const second = await c.t.call('ListGrants', { KeyId: key!.KeyId, Marker: first.NextMarker })
      expect([...first.Grants!, ...second.Grants!].map((g) => g.GrantId)).toEqual(ids)
      const one = await c.t.call('ListGrants', { KeyId: key!.KeyId, GrantId: ids[1] })
      expect(one.Grants!.map((g) => g.GrantId)).toEqual([ids[1]])
    }
  )

  it('retires by token and by key and grant id; revokes by key and grant id', async () => {
    const { KeyMetadata: key } = await c.t.call('CreateKey', {})
    const make = () =>
      c.t.call('CreateGrant', {
        KeyId: key!.KeyId,
        GranteePrincipal: grantee(),
        Operations: ['Decrypt']
      })
    const a = await make()
    const b = await make()
    const d = await make()
    await c.t.call('RetireGrant', { GrantToken: a.GrantToken })
    await c.t.call('RetireGrant', { KeyId: key!.Arn, GrantId: b.GrantId })
    await c.t.call('RevokeGrant', { KeyId: key!.KeyId, GrantId: d.GrantId })
    expect((await c.t.call('ListGrants', { KeyId: key!.KeyId })).Grants).toEqual([])
    await expectError(
      c.t.call('RevokeGrant', { KeyId: key!.KeyId, GrantId: d.GrantId }),
      'NotFoundException',
      `Grant ID ${d.GrantId} not found`
    )
  })

  it.skipIf(c.lacks('dryRun', 'grants'))(
    'validates operations and DryRun with AWS texts',
    async () => {
      const { KeyMetadata: key } = await c.t.call('CreateKey', {})
      await expectError(
        c.t.call('CreateGrant', {
          KeyId: key!.KeyId,
          GranteePrincipal: grantee(),
          Operations: ['Fly']
        }),
        'ValidationException',
        /^1 validation error detected: Value 'Fly' at 'operations.1.member' failed to satisfy constraint: Member must satisfy enum value set: \[Decrypt, Encrypt/
      )
      await expectError(
        c.t.call('CreateGrant', {
          KeyId: key!.KeyId,
          GranteePrincipal: grantee(),
          Operations: ['Decrypt'],
          DryRun: true
        }),
        'DryRunOperationException',
        'The request would have succeeded, but the DryRun option is set.'
      )
      const missing = '0000aaaa-0000-4000-8000-000000000000'
      await expectError(
        c.t.call('CreateGrant', {
          KeyId: missing,
          GranteePrincipal: grantee(),
          Operations: ['Decrypt']
        }),
        'NotFoundException',
        `Key 'arn:aws:kms:${c.t.region}:${c.t.accountId}:key/${missing}' does not exist`
      )
    }
  )

  it.skipIf(c.lacks('grants'))(
    'refuses operations the key does not support and oversized constraints',
    async () => {
      const { KeyMetadata: key } = await c.t.call('CreateKey', {})
      await expectError(
        c.t.call('CreateGrant', {
          KeyId: key!.KeyId,
          GranteePrincipal: grantee(),
          Operations: ['Sign']
        }),
        'ValidationException'
      )
      const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v']))
      await expectError(
        c.t.call('CreateGrant', {
          KeyId: key!.KeyId,
          GranteePrincipal: grantee(),
          Operations: ['Decrypt'],
          Constraints: { EncryptionContextSubset: nine }
        }),
        'ValidationException'
      )
    }
  )
})

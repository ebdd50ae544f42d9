// Contract: aliases: AWS's name rules, uniqueness, retargeting within a key type and usage,
// listing (all, by key, paged) and deletion.
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'
import { createKey, keyIn, unique } from './fixtures'

contract('CreateAlias, UpdateAlias, DeleteAlias, ListAliases', (c) => {
  const arnOf = (name: string): string => `arn:aws:kms:${c.t.region}:${c.t.accountId}:${name}`

  it.skipIf(c.lacks('responseMembers'))(
    'creates an alias and lists it with its ARN, target and dates',
    async () => {
      const key = await createKey(c)
      const name = `alias/${unique('first')}`
      await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: key.KeyId })
      const { Aliases } = await c.t.call('ListAliases', { KeyId: key.KeyId })
      expect(Aliases).toHaveLength(1)
      expect(Aliases![0]).toMatchObject({
        AliasName: name,
        AliasArn: arnOf(name),
        TargetKeyId: key.KeyId
      })
      expect(Aliases![0].CreationDate).toBeInstanceOf(Date)
      expect(Aliases![0].LastUpdatedDate).toBeInstanceOf(Date)
    }
  )

  it('accepts a key ARN as the target', async () => {
    const key = await createKey(c)
    const name = `alias/${unique('by-arn')}`
    await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: key.Arn })
    const { Aliases } = await c.t.call('ListAliases', { KeyId: key.Arn })
    expect(Aliases!.map((a) => a.AliasName)).toEqual([name])
  })

  it.skipIf(c.lacks('aliasRules'))(
    'refuses a name without the alias/ prefix, with AWS text',
    async () => {
      const key = await createKey(c)
      await expectError(
        c.t.call('CreateAlias', { AliasName: 'no-prefix', TargetKeyId: key.KeyId }),
        'ValidationException',
        'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html'
      )
    }
  )

  it('refuses characters outside the alias pattern', async () => {
    const key = await createKey(c)
    await expectError(
      c.t.call('CreateAlias', { AliasName: 'alias/has space', TargetKeyId: key.KeyId }),
      'ValidationException',
      "1 validation error detected: Value 'alias/has space' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$"
    )
  })

  it('refuses a colon in the name and an alias as the target', async () => {
    const key = await createKey(c)
    await expectError(
      c.t.call('CreateAlias', { AliasName: 'alias/a:b', TargetKeyId: key.KeyId }),
      'ValidationException',
      'alias/a:b contains invalid characters for an alias'
    )
    const name = `alias/${unique('target')}`
    await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: key.KeyId })
    await expectError(
      c.t.call('CreateAlias', { AliasName: `alias/${unique('x')}`, TargetKeyId: name }),
      'ValidationException',
      'Aliases must refer to keys. Not aliases'
    )
  })

  it.skipIf(c.lacks('aliasRules'))('reserves alias/aws/ for AWS managed keys', async () => {
    const key = await createKey(c)
    await expectError(
      c.t.call('CreateAlias', { AliasName: 'alias/aws/mine', TargetKeyId: key.KeyId }),
      'NotAuthorizedException',
      ''
    )
  })

  it('refuses a name already in use, naming the alias ARN', async () => {
    const key = await createKey(c)
    const name = `alias/${unique('taken')}`
    await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: key.KeyId })
    await expectError(
      c.t.call('CreateAlias', { AliasName: name, TargetKeyId: key.KeyId }),
      'AlreadyExistsException',
      `An alias with the name ${arnOf(name)} already exists`
    )
  })

  it('refuses an unknown target key', async () => {
    const id = '1111aaaa-0000-4000-8000-000000000000'
    await expectError(
      c.t.call('CreateAlias', { AliasName: `alias/${unique('none')}`, TargetKeyId: id }),
      'NotFoundException',
      `Key 'arn:aws:kms:${c.t.region}:${c.t.accountId}:key/${id}' does not exist`
    )
  })

  it('moves an alias to another key of the same type and usage', async () => {
    const a = await createKey(c)
    const b = await createKey(c)
    const name = `alias/${unique('moving')}`
    await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: a.KeyId })
    await c.t.call('UpdateAlias', { AliasName: name, TargetKeyId: b.KeyId })
    expect((await c.t.call('DescribeKey', { KeyId: name })).KeyMetadata!.KeyId).toBe(b.KeyId)
    expect((await c.t.call('ListAliases', { KeyId: a.KeyId })).Aliases).toEqual([])
  })

  it.skipIf(c.lacks('aliasRules'))(
    'refuses to move an alias to a key of another type or usage',
    async () => {
      const sym = await createKey(c)
      const sign = await createKey(c, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })
      const agree = await createKey(c, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' })
      const name = `alias/${unique('typed')}`
      await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: sym.KeyId })
      await expectError(
        c.t.call('UpdateAlias', { AliasName: name, TargetKeyId: sign.KeyId }),
        'ValidationException',
        /same key type and key usage/
      )
      const signName = `alias/${unique('sign')}`
      await c.t.call('CreateAlias', { AliasName: signName, TargetKeyId: sign.KeyId })
      await expectError(
        c.t.call('UpdateAlias', { AliasName: signName, TargetKeyId: agree.KeyId }),
        'ValidationException',
        /same key type and key usage/
      )
    }
  )

  it.skipIf(c.lacks('keyStates'))(
    'moves an alias away from a key pending deletion, but not onto one',
    async () => {
      const source = await createKey(c)
      const target = await createKey(c)
      const name = `alias/${unique('pd')}`
      await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: source.KeyId })
      await c.t.call('ScheduleKeyDeletion', { KeyId: source.KeyId, PendingWindowInDays: 7 })
      await c.t.call('UpdateAlias', { AliasName: name, TargetKeyId: target.KeyId })
      const doomed = await keyIn(c, 'PendingDeletion')
      await expectError(
        c.t.call('UpdateAlias', { AliasName: name, TargetKeyId: doomed.KeyId }),
        'KMSInvalidStateException',
        `${doomed.Arn} is pending deletion.`
      )
    }
  )

  it('answers an unknown alias on UpdateAlias and DeleteAlias', async () => {
    const key = await createKey(c)
    const name = `alias/${unique('ghost')}`
    const missing = `Alias ${arnOf(name)} is not found.`
    await expectError(
      c.t.call('UpdateAlias', { AliasName: name, TargetKeyId: key.KeyId }),
      'NotFoundException',
      missing
    )
    await expectError(c.t.call('DeleteAlias', { AliasName: name }), 'NotFoundException', missing)
  })

  it('deletes an alias and leaves the key', async () => {
    const key = await createKey(c)
    const name = `alias/${unique('gone')}`
    await c.t.call('CreateAlias', { AliasName: name, TargetKeyId: key.KeyId })
    await c.t.call('DeleteAlias', { AliasName: name })
    expect((await c.t.call('ListAliases', { KeyId: key.KeyId })).Aliases).toEqual([])
    expect((await c.t.call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata!.KeyState).toBe(
      'Enabled'
    )
  })

  it.skipIf(c.lacks('aliasRules'))(
    "gives a key at most 50 aliases (AWS's default quota), by CreateAlias or UpdateAlias",
    async () => {
      const full = await createKey(c)
      const base = unique('quota')
      for (let i = 0; i < 50; i++)
        await c.t.call('CreateAlias', { AliasName: `alias/${base}-${i}`, TargetKeyId: full.KeyId })
      const quota =
        'Aliases per key quota for this account in this region is 50, current usage is 50.'
      await expectError(
        c.t.call('CreateAlias', { AliasName: `alias/${base}-50`, TargetKeyId: full.KeyId }),
        'LimitExceededException',
        quota
      )
      const other = await createKey(c)
      await c.t.call('CreateAlias', { AliasName: `alias/${base}-other`, TargetKeyId: other.KeyId })
      await expectError(
        c.t.call('UpdateAlias', { AliasName: `alias/${base}-other`, TargetKeyId: full.KeyId }),
        'LimitExceededException',
        quota
      )
      // Moving one away frees a place.
      await c.t.call('UpdateAlias', { AliasName: `alias/${base}-0`, TargetKeyId: other.KeyId })
      await c.t.call('CreateAlias', { AliasName: `alias/${base}-50`, TargetKeyId: full.KeyId })
      const { Aliases } = await c.t.call('ListAliases', { KeyId: full.KeyId, Limit: 100 })
      expect(Aliases).toHaveLength(50)
    }
  )

  it.skipIf(c.lacks('paging'))('lists aliases in name order, in pages', async () => {
    const key = await createKey(c)
    const base = unique('page')
    const names = ['c', 'a', 'b'].map((s) => `alias/${base}-${s}`)
    for (const n of names) await c.t.call('CreateAlias', { AliasName: n, TargetKeyId: key.KeyId })
    const first = await c.t.call('ListAliases', { KeyId: key.KeyId, Limit: 2 })
    expect(first.Aliases!.map((a) => a.AliasName)).toEqual([names[1], names[2]])
    expect(first.Truncated).toBe(true)
    const rest = await c.t.call('ListAliases', {
      KeyId: key.KeyId,
      Limit: 2,
      Marker: first.NextMarker
    })
    expect(rest.Aliases!.map((a) => a.AliasName)).toEqual([names[0]])
    expect(rest.Truncated).toBe(false)
    const all = await c.t.call('ListAliases', {})
    expect(all.Aliases!.map((a) => a.AliasName)).toEqual(expect.arrayContaining(names))
    await expectError(c.t.call('ListAliases', { Marker: 'nope' }), 'InvalidMarkerException')
  })
})

// Contract: rotation: automatic rotation with a period of 90-2560 days, on-demand rotation with
// its quota, ListKeyRotations, the keys that cannot rotate, and old material kept.
import { expect, it } from 'vitest'
import { contract, expectError } from './contract'
import { createKey, DAY } from './fixtures'

contract('EnableKeyRotation, RotateKeyOnDemand, ListKeyRotations', (c) => {
  it.skipIf(c.lacks('rotation'))('enables rotation with a period and reports it', async () => {
    const key = await createKey(c)
    const before = Date.now()
    await c.t.call('EnableKeyRotation', { KeyId: key.KeyId, RotationPeriodInDays: 90 })
    const status = await c.t.call('GetKeyRotationStatus', { KeyId: key.KeyId })
    expect(status).toMatchObject({
      KeyId: key.KeyId,
      KeyRotationEnabled: true,
      RotationPeriodInDays: 90
    })
    expect(status.NextRotationDate!.getTime()).toBeGreaterThanOrEqual(before + 90 * DAY - 1000)
    expect(status.OnDemandRotationStartDate).toBeUndefined()
  })

  it.skipIf(c.lacks('rotation'))(
    'defaults the period to 365 days and turns rotation off again',
    async () => {
      const key = await createKey(c)
      expect(await c.t.call('GetKeyRotationStatus', { KeyId: key.KeyId })).toMatchObject({
        KeyRotationEnabled: false
      })
      await c.t.call('EnableKeyRotation', { KeyId: key.KeyId })
      expect(
        (await c.t.call('GetKeyRotationStatus', { KeyId: key.KeyId })).RotationPeriodInDays
      ).toBe(365)
      await c.t.call('DisableKeyRotation', { KeyId: key.KeyId })
      const off = await c.t.call('GetKeyRotationStatus', { KeyId: key.KeyId })
      expect(off.KeyRotationEnabled).toBe(false)
      expect(off.NextRotationDate).toBeUndefined()
    }
  )

  it('checks the period range with AWS text', async () => {
    const key = await createKey(c)
    await expectError(
      c.t.call('EnableKeyRotation', { KeyId: key.KeyId, RotationPeriodInDays: 89 }),
      'ValidationException',
      "1 validation error detected: Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90"
    )
    await expectError(
      c.t.call('EnableKeyRotation', { KeyId: key.KeyId, RotationPeriodInDays: 2561 }),
      'ValidationException',
      "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 2560"
    )
  })

  it.skipIf(c.lacks('rotation'))(
    'refuses rotation of asymmetric and HMAC keys; their status is "not enabled"',
    async () => {
      for (const input of [
        { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' },
        { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }
      ]) {
        const key = await createKey(c, input)
        for (const op of [
          'EnableKeyRotation',
          'DisableKeyRotation',
          'RotateKeyOnDemand'
        ] as const) {
          await expectError(c.t.call(op, { KeyId: key.KeyId }), 'UnsupportedOperationException', '')
        }
        await expectError(
          c.t.call('ListKeyRotations', { KeyId: key.KeyId }),
          'UnsupportedOperationException',
          ''
        )
        expect(await c.t.call('GetKeyRotationStatus', { KeyId: key.KeyId })).toMatchObject({
          KeyRotationEnabled: false
        })
      }
    }
  )

  it.skipIf(c.lacks('importedMaterial'))(
    'refuses automatic rotation of an EXTERNAL key',
    async () => {
      const key = await createKey(c, { Origin: 'EXTERNAL' })
      const text = `${key.Arn} origin is EXTERNAL which is not valid for this operation.`
      for (const op of [
        'EnableKeyRotation',
        'DisableKeyRotation',
        'GetKeyRotationStatus'
      ] as const) {
        await expectError(c.t.call(op, { KeyId: key.KeyId }), 'UnsupportedOperationException', text)
      }
    }
  )

  it.skipIf(c.lacks('rotation'))(
    'rotates on demand, keeps the old material and lists the rotation',
    async () => {
      const key = await createKey(c)
      const first = key.CurrentKeyMaterialId
      expect(await c.t.call('RotateKeyOnDemand', { KeyId: key.KeyId })).toMatchObject({
        KeyId: key.KeyId
      })
      const { Rotations, Truncated } = await c.t.call('ListKeyRotations', { KeyId: key.KeyId })
      expect(Truncated).toBe(false)
      expect(Rotations).toHaveLength(1)
      expect(Rotations![0]).toMatchObject({
        KeyId: key.KeyId,
        RotationType: 'ON_DEMAND',
        KeyMaterialState: 'CURRENT'
      })
      expect(Rotations![0].RotationDate).toBeInstanceOf(Date)
      const md = (await c.t.call('DescribeKey', { KeyId: key.KeyId })).KeyMetadata!
      expect(md.CurrentKeyMaterialId).toBe(Rotations![0].KeyMaterialId)
      expect(md.CurrentKeyMaterialId).not.toBe(first)
      const all = await c.t.call('ListKeyRotations', {
        KeyId: key.KeyId,
        IncludeKeyMaterial: 'ALL_KEY_MATERIAL'
      })
      expect(all.Rotations!.map((r) => [r.KeyMaterialId, r.KeyMaterialState])).toEqual([
        [first, 'NON_CURRENT'],
        [md.CurrentKeyMaterialId, 'CURRENT']
      ])
      expect(all.Rotations![0].RotationType).toBeUndefined()
    }
  )

  it.skipIf(c.lacks('rotation'))(
    'allows 25 on-demand rotations per key, then LimitExceededException',
    async () => {
      const key = await createKey(c)
      for (let i = 0; i < 25; i++) await c.t.call('RotateKeyOnDemand', { KeyId: key.KeyId })
      await expectError(
        c.t.call('RotateKeyOnDemand', { KeyId: key.KeyId }),
        'LimitExceededException',
        `${key.Arn} has reached the quota of 25 on-demand rotations.`
      )
      const page = await c.t.call('ListKeyRotations', { KeyId: key.KeyId, Limit: 10 })
      expect(page.Rotations).toHaveLength(10)
      expect(page.Truncated).toBe(true)
    }
  )

  it.skipIf(c.lacks('op:Encrypt') || c.lacks('op:Decrypt'))(
    'decrypts a ciphertext made before a rotation',
    async () => {
      const key = await createKey(c)
      const plaintext = new TextEncoder().encode('made before rotation')
      const { CiphertextBlob } = await c.t.call('Encrypt', {
        KeyId: key.KeyId,
        Plaintext: plaintext
      })
      await c.t.call('RotateKeyOnDemand', { KeyId: key.KeyId })
      const out = await c.t.call('Decrypt', { CiphertextBlob })
      expect(new TextDecoder().decode(out.Plaintext)).toBe('made before rotation')
    }
  )

  it.skipIf(c.lacks('labClock'))(
    'rotates automatically each period as the lab clock passes NextRotationDate',
    async () => {
      const key = await createKey(c)
      await c.t.call('EnableKeyRotation', { KeyId: key.KeyId, RotationPeriodInDays: 90 })
      const next = (await c.t.call('GetKeyRotationStatus', { KeyId: key.KeyId })).NextRotationDate!
      await c.t.advanceClock!(181 * DAY)
      const { Rotations } = await c.t.call('ListKeyRotations', { KeyId: key.KeyId })
      expect(Rotations!.map((r) => r.RotationType)).toEqual(['AUTOMATIC', 'AUTOMATIC'])
      expect(Rotations![0].RotationDate!.getTime()).toBe(next.getTime())
      expect(Rotations![1].RotationDate!.getTime()).toBe(next.getTime() + 90 * DAY)
      const status = await c.t.call('GetKeyRotationStatus', { KeyId: key.KeyId })
      expect(status.NextRotationDate!.getTime()).toBe(next.getTime() + 180 * DAY)
    }
  )

  it.skipIf(c.lacks('labClock'))(
    'does not rotate a disabled key, and rotates it when it is enabled again',
    async () => {
      const key = await createKey(c)
      await c.t.call('EnableKeyRotation', { KeyId: key.KeyId, RotationPeriodInDays: 90 })
      await c.t.call('DisableKey', { KeyId: key.KeyId })
      await c.t.advanceClock!(100 * DAY)
      expect((await c.t.call('ListKeyRotations', { KeyId: key.KeyId })).Rotations).toEqual([])
      await c.t.call('EnableKey', { KeyId: key.KeyId })
      const { Rotations } = await c.t.call('ListKeyRotations', { KeyId: key.KeyId })
      expect(Rotations!.map((r) => r.RotationType)).toEqual(['AUTOMATIC'])
    }
  )
})

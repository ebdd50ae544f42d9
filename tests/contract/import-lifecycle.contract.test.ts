// Contract: imported material over time: reimporting the same or other material, deleting it,
// expiry at ValidTo on the lab clock, and new material for an on-demand rotation.
import { expect, it } from 'vitest'
import { LAB_OPERATIONS } from '../../src/main/backends/local/operations'
import { contract, expectError } from './contract'
import { createExternalKey, DAY, describe, importMaterial, material } from './import-helpers'

contract('Imported key material lifecycle', ['importedMaterial'], (c) => {
  it('reimports the same material with a new expiry and refuses different material', async () => {
    const key = await createExternalKey(c)
    const bytes = material()
    const first = await importMaterial(c, key.KeyId, bytes, { days: 10 })
    const before = (await describe(c, key.KeyId)).ValidTo!.getTime()
    const again = await importMaterial(c, key.KeyId, bytes, { days: 20 })
    expect(again.KeyMaterialId).toBe(first.KeyMaterialId)
    const after = (await describe(c, key.KeyId)).ValidTo!.getTime()
    expect(after - before).toBeGreaterThan(10 * DAY - 60_000)
    await expectError(
      importMaterial(c, key.KeyId, material(), { days: 10 }),
      'IncorrectKeyMaterialException',
      `The key material in the request is not the key material that was imported into ${key.Arn} before.`
    )
    await importMaterial(c, key.KeyId, bytes)
    expect(await describe(c, key.KeyId)).toMatchObject({
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      CurrentKeyMaterialId: first.KeyMaterialId
    })
  })

  it('gives the same bytes a different material id in another key', async () => {
    const bytes = material()
    const a = await importMaterial(c, (await createExternalKey(c)).KeyId, bytes)
    const b = await importMaterial(c, (await createExternalKey(c)).KeyId, bytes)
    expect(a.KeyMaterialId).not.toBe(b.KeyMaterialId)
  })

  it('deletes material: the key is PendingImport until the same material comes back', async () => {
    const key = await createExternalKey(c)
    const bytes = material()
    const first = await importMaterial(c, key.KeyId, bytes, { days: 5 })
    const deleted = await c.t.call('DeleteImportedKeyMaterial', { KeyId: key.KeyId })
    expect(deleted).toMatchObject({ KeyId: key.Arn, KeyMaterialId: first.KeyMaterialId })
    expect(await describe(c, key.KeyId)).toMatchObject({
      KeyState: 'PendingImport',
      Enabled: false
    })
    await expectError(importMaterial(c, key.KeyId, material()), 'IncorrectKeyMaterialException')
    const back = await importMaterial(c, key.KeyId, bytes, { days: 5 })
    expect(back.KeyMaterialId).toBe(first.KeyMaterialId)
    expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
  })

  it('deletes material that was never imported as a no-op', async () => {
    const key = await createExternalKey(c)
    const out = await c.t.call('DeleteImportedKeyMaterial', { KeyId: key.KeyId })
    expect(out.KeyId).toBe(key.Arn)
    expect((await describe(c, key.KeyId)).KeyState).toBe('PendingImport')
  })

  it('refuses DeleteImportedKeyMaterial on keys that cannot hold imported material', async () => {
    const { KeyMetadata } = await c.t.call('CreateKey', {})
    await expectError(
      c.t.call('DeleteImportedKeyMaterial', { KeyId: KeyMetadata!.KeyId }),
      'UnsupportedOperationException',
      `${KeyMetadata!.Arn} origin is AWS_KMS which is not valid for this operation.`
    )
    const hmac = await createExternalKey(c, {
      KeySpec: 'HMAC_224',
      KeyUsage: 'GENERATE_VERIFY_MAC'
    })
    await expectError(
      c.t.call('DeleteImportedKeyMaterial', { KeyId: hmac.KeyId, KeyMaterialId: 'a'.repeat(64) }),
      'ValidationException',
      'KeyMaterialId is supported only for symmetric encryption KMS keys.'
    )
    const key = await createExternalKey(c)
    await expectError(
      c.t.call('DeleteImportedKeyMaterial', { KeyId: key.KeyId, KeyMaterialId: 'b'.repeat(64) }),
      'NotFoundException',
      `Key material ${'b'.repeat(64)} is not associated with ${key.Arn}.`
    )
  })

  it.skipIf(c.lacks('labClock'))('expires material at ValidTo on the lab clock', async () => {
    const key = await createExternalKey(c)
    const bytes = material()
    const first = await importMaterial(c, key.KeyId, bytes, { days: 2 })
    await c.t.advanceClock!(DAY)
    expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
    await c.t.advanceClock!(DAY + 60_000)
    expect(await describe(c, key.KeyId)).toMatchObject({
      KeyState: 'PendingImport',
      Enabled: false
    })
    const back = await importMaterial(c, key.KeyId, bytes, { days: 2 })
    expect(back.KeyMaterialId).toBe(first.KeyMaterialId)
    expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
  })

  it('imports new material for an on-demand rotation of a symmetric key', async () => {
    const key = await createExternalKey(c)
    const first = await importMaterial(c, key.KeyId, material())
    const bytes = material()
    const next = await importMaterial(c, key.KeyId, bytes, {
      extra: { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialDescription: 'rotation 2' }
    })
    expect(next.KeyMaterialId).not.toBe(first.KeyMaterialId)
    expect(await describe(c, key.KeyId)).toMatchObject({
      KeyState: 'Enabled',
      CurrentKeyMaterialId: first.KeyMaterialId
    })
    const again = await importMaterial(c, key.KeyId, bytes, {
      extra: { ImportType: 'NEW_KEY_MATERIAL' }
    })
    expect(again.KeyMaterialId).toBe(next.KeyMaterialId)
    await expectError(
      importMaterial(c, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL' } }),
      'KMSInvalidStateException',
      new RegExp(
        `^New key material \\(id: [0-9a-f]{64}\\) cannot be imported into KMS key ${key.Arn}, because another key material \\(id: ${next.KeyMaterialId}\\) is pending rotation\\.$`
      )
    )
    await c.t.call('DeleteImportedKeyMaterial', {
      KeyId: key.KeyId,
      KeyMaterialId: next.KeyMaterialId!
    })
    expect((await describe(c, key.KeyId)).KeyState).toBe('Enabled')
    await importMaterial(c, key.KeyId, material(), { extra: { ImportType: 'NEW_KEY_MATERIAL' } })
  })

  it('checks ImportType and KeyMaterialId against the key material', async () => {
    const key = await createExternalKey(c)
    const bytes = material()
    await expectError(
      importMaterial(c, key.KeyId, bytes, { extra: { ImportType: 'EXISTING_KEY_MATERIAL' } }),
      'IncorrectKeyMaterialException',
      `No key material was ever imported into ${key.Arn}, so there is no existing key material to reimport.`
    )
    const first = await importMaterial(c, key.KeyId, bytes)
    await expectError(
      importMaterial(c, key.KeyId, bytes, { extra: { ImportType: 'NEW_KEY_MATERIAL' } }),
      'IncorrectKeyMaterialException',
      `The key material in the request is already associated with ${key.Arn}. Reimport it with ImportType EXISTING_KEY_MATERIAL.`
    )
    await expectError(
      importMaterial(c, key.KeyId, bytes, { extra: { KeyMaterialId: 'c'.repeat(64) } }),
      'IncorrectKeyMaterialException',
      `The key material in the request does not match key material ${'c'.repeat(64)}.`
    )
    await expectError(
      importMaterial(c, key.KeyId, bytes, {
        extra: { ImportType: 'NEW_KEY_MATERIAL', KeyMaterialId: first.KeyMaterialId }
      }),
      'ValidationException',
      'You cannot specify a KeyMaterialId when ImportType is NEW_KEY_MATERIAL.'
    )
    const again = await importMaterial(c, key.KeyId, bytes, {
      extra: { ImportType: 'EXISTING_KEY_MATERIAL', KeyMaterialId: first.KeyMaterialId }
    })
    expect(again.KeyMaterialId).toBe(first.KeyMaterialId)
  })

  it.skipIf(!LAB_OPERATIONS.ScheduleKeyDeletion)(
    'leaves a key pending deletion in its state, and refuses imports into it',
    async () => {
      const key = await createExternalKey(c)
      const bytes = material()
      await importMaterial(c, key.KeyId, bytes)
      await c.t.call('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 })
      await c.t.call('DeleteImportedKeyMaterial', { KeyId: key.KeyId })
      expect((await describe(c, key.KeyId)).KeyState).toBe('PendingDeletion')
      await expectError(
        importMaterial(c, key.KeyId, bytes),
        'KMSInvalidStateException',
        `${key.Arn} is pending deletion.`
      )
    }
  )

  it.skipIf(!LAB_OPERATIONS.Encrypt || !LAB_OPERATIONS.Decrypt)(
    'decrypts an old ciphertext again once the same material is reimported',
    async () => {
      const key = await createExternalKey(c)
      const bytes = material()
      await importMaterial(c, key.KeyId, bytes)
      const plaintext = Buffer.from('workshop secret')
      const { CiphertextBlob } = await c.t.call('Encrypt', {
        KeyId: key.KeyId,
        Plaintext: plaintext
      })
      await c.t.call('DeleteImportedKeyMaterial', { KeyId: key.KeyId })
      await expectError(
        c.t.call('Decrypt', { CiphertextBlob }),
        'KMSInvalidStateException',
        `${key.Arn} is pending import.`
      )
      await importMaterial(c, key.KeyId, bytes)
      const out = await c.t.call('Decrypt', { CiphertextBlob })
      expect(Buffer.from(out.Plaintext!).equals(plaintext)).toBe(true)
    }
  )
})

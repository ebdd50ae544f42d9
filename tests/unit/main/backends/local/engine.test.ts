import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openTestLab, tempDir } from '../../../../helpers/lab'

const region = 'us-east-1'
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function newDir(): string {
  const d = tempDir()
  dirs.push(d)
  return d
}

describe('lab engine', () => {
  it('creates a symmetric key with the metadata AWS returns', async () => {
    const lab = openTestLab(newDir())
    const { KeyMetadata: md } = await lab.engine.call(
      'CreateKey',
      { Description: 'first' },
      { region }
    )
    expect(md).toMatchObject({
      AWSAccountId: '111122223333',
      Enabled: true,
      Description: 'first',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false
    })
    expect(md!.KeyId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    expect(md!.Arn).toBe(`arn:aws:kms:us-east-1:111122223333:key/${md!.KeyId}`)
    expect(md!.CreationDate).toBeInstanceOf(Date)
    expect(md!.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/)
    await lab.close()
  })

  it('describes a key by id and by ARN; unknown and malformed ids are NotFoundException', async () => {
    const lab = openTestLab(newDir())
    const { KeyMetadata: md } = await lab.engine.call('CreateKey', {}, { region })
    const byArn = await lab.engine.call('DescribeKey', { KeyId: md!.Arn }, { region })
    expect(byArn.KeyMetadata!.KeyId).toBe(md!.KeyId)
    const missing = '00000000-0000-4000-8000-000000000000'
    await expect(
      lab.engine.call('DescribeKey', { KeyId: missing }, { region })
    ).rejects.toMatchObject({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:111122223333:key/${missing}' does not exist`
    })
    await expect(
      lab.engine.call('DescribeKey', { KeyId: 'not-a-key' }, { region })
    ).rejects.toMatchObject({
      name: 'NotFoundException',
      message: "Invalid keyId 'not-a-key'"
    })
    await lab.close()
  })

  it('keeps keys per region', async () => {
    const lab = openTestLab(newDir())
    const { KeyMetadata: md } = await lab.engine.call('CreateKey', {}, { region: 'eu-west-1' })
    expect(md!.Arn).toContain(':eu-west-1:')
    expect((await lab.engine.call('ListKeys', {}, { region })).Keys).toEqual([])
    expect((await lab.engine.call('ListKeys', {}, { region: 'eu-west-1' })).Keys).toHaveLength(1)
    await expect(
      lab.engine.call('DescribeKey', { KeyId: md!.KeyId }, { region })
    ).rejects.toMatchObject({
      name: 'NotFoundException'
    })
    await lab.close()
  })

  it('pages ListKeys with Limit and Marker, in creation order, and rejects a bad marker', async () => {
    const lab = openTestLab(newDir())
    const ids: string[] = []
    for (let i = 0; i < 7; i++)
      ids.push((await lab.engine.call('CreateKey', {}, { region })).KeyMetadata!.KeyId!)
    const seen: string[] = []
    let marker: string | undefined
    let pages = 0
    do {
      const page = await lab.engine.call('ListKeys', { Limit: 3, Marker: marker }, { region })
      seen.push(...page.Keys!.map((k) => k.KeyId!))
      expect(page.Truncated).toBe(page.NextMarker !== undefined)
      marker = page.NextMarker
      pages++
    } while (marker)
    expect(pages).toBe(3)
    expect(seen).toEqual(ids)
    await expect(
      lab.engine.call('ListKeys', { Marker: 'garbage' }, { region })
    ).rejects.toMatchObject({
      name: 'InvalidMarkerException'
    })
    await expect(lab.engine.call('ListKeys', { Limit: 1001 }, { region })).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000"
    })
    await lab.close()
  })

  it('keeps keys, material and the lab clock offset across a restart', async () => {
    const dir = newDir()
    let lab = openTestLab(dir)
    const { KeyMetadata: md } = await lab.engine.call(
      'CreateKey',
      { Description: 'persisted' },
      { region }
    )
    await lab.engine.advanceClock(3 * 86_400_000)
    await lab.close()

    lab = openTestLab(dir)
    const again = await lab.engine.call('DescribeKey', { KeyId: md!.KeyId }, { region })
    expect(again.KeyMetadata).toEqual(md)
    expect(lab.engine.clock.offsetMs).toBe(3 * 86_400_000)
    await lab.close()
  })

  it('keeps the account id a lab was created with', async () => {
    const dir = newDir()
    let lab = openTestLab(dir, { accountId: '123456789012' })
    const { KeyMetadata: md } = await lab.engine.call('CreateKey', {}, { region })
    expect(md!.AWSAccountId).toBe('123456789012')
    await lab.close()
    lab = openTestLab(dir)
    expect(lab.engine.accountId).toBe('123456789012')
    await lab.close()
  })

  it('refuses to move the lab clock back', async () => {
    const lab = openTestLab(newDir())
    await expect(lab.engine.advanceClock(-1)).rejects.toThrow('the lab clock only moves forward')
    await lab.close()
  })
})

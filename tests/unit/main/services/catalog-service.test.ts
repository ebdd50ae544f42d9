import { afterEach, describe, expect, it } from 'vitest'
import { LocalBackend } from '../../../../src/main/backends/local/local-backend'
import type { CallRecord } from '../../../../src/main/backends/call-record'
import { dispatch } from '../../../../src/main/rpc/dispatch'
import { createServices } from '../../../../src/main/services/services'
import { withTempLab } from '../../../helpers/lab'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

function servicesOnLabWithLab() {
  const { lab, cleanup } = withTempLab({ tickIntervalMs: 0 })
  cleanups.push(cleanup)
  const services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: 'us-east-1',
    version: 'test'
  })
  return { services, lab }
}

function servicesOnLab() {
  const { lab, cleanup } = withTempLab({ tickIntervalMs: 0 })
  cleanups.push(cleanup)
  const records: CallRecord[] = []
  const services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: 'us-east-1',
    version: 'test',
    observe: async (r) => {
      records.push(r)
    }
  })
  return { services, records }
}

describe('catalog.listKeys', () => {
  it('lists every key of the region with its aliases and tags, from KMS calls', async () => {
    const { services, records } = servicesOnLab()
    const a = (
      await services.kms.CreateKey({
        Description: 'a',
        Tags: [{ TagKey: 'team', TagValue: 'blue' }]
      })
    ).KeyMetadata!
    const b = (
      await services.kms.CreateKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })
    ).KeyMetadata!
    await services.kms.CreateAlias({ AliasName: 'alias/a1', TargetKeyId: a.KeyId })
    await services.kms.CreateAlias({ AliasName: 'alias/a2', TargetKeyId: a.KeyId })
    await services.kms.ScheduleKeyDeletion({ KeyId: b.KeyId, PendingWindowInDays: 7 })
    records.length = 0

    const { keys, readAt } = await services.catalog.listKeys({})
    expect(readAt).toBeGreaterThan(0)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatchObject({
      keyId: a.KeyId,
      arn: a.Arn,
      aliases: ['alias/a1', 'alias/a2'],
      keyState: 'Enabled',
      enabled: true,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      description: 'a',
      tags: [{ key: 'team', value: 'blue' }]
    })
    expect(keys[1]).toMatchObject({ keyId: b.KeyId, keyState: 'PendingDeletion', aliases: [] })
    expect(keys[1].deletionDate).toBeGreaterThan(keys[1].creationDate)
    expect(new Set(records.map((r) => r.operation))).toEqual(
      new Set(['ListKeys', 'ListAliases', 'DescribeKey', 'ListResourceTags'])
    )

    const untagged = await services.catalog.listKeys({ includeTags: false })
    expect(untagged.keys[0].tags).toBeUndefined()
    expect(await services.catalog.getKey({ keyId: 'alias/a2' })).toEqual(keys[0])
  })

  it('follows the session region', async () => {
    const { services } = servicesOnLab()
    await services.kms.CreateKey({})
    services.session.region = 'eu-west-1'
    expect((await services.catalog.listKeys({})).keys).toEqual([])
  })
})

describe('catalog.keyRefs and catalog.describeKeys', () => {
  it('lists key ids with aliases from ListKeys and ListAliases alone, then describes a slice', async () => {
    const { services, records } = servicesOnLab()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push((await services.kms.CreateKey({ Description: `k${i}` })).KeyMetadata!.KeyId!)
    }
    await services.kms.CreateAlias({ AliasName: 'alias/third', TargetKeyId: ids[2] })
    records.length = 0

    const refs = await services.catalog.keyRefs({})
    expect(refs.readAt).toBeGreaterThan(0)
    expect(new Set(refs.keys.map((k) => k.keyId))).toEqual(new Set(ids))
    expect(refs.keys.find((k) => k.keyId === ids[2])?.aliases).toEqual(['alias/third'])
    expect(new Set(records.map((r) => r.operation))).toEqual(new Set(['ListKeys', 'ListAliases']))

    records.length = 0
    const slice = refs.keys.slice(1, 4)
    await services.kms.ScheduleKeyDeletion({ KeyId: slice[1].keyId, PendingWindowInDays: 7 })
    const { keys } = await services.catalog.describeKeys({ keys: slice, includeTags: false })
    expect(keys.map((k) => k.keyId)).toEqual(slice.map((k) => k.keyId))
    expect(keys[1].keyState).toBe('PendingDeletion')
    expect(keys.find((k) => k.keyId === ids[2])?.aliases).toEqual(['alias/third'])
    expect(keys.every((k) => k.tags === undefined)).toBe(true)
    expect(records.filter((r) => r.operation === 'DescribeKey')).toHaveLength(3)
  })

  it('leaves out a key gone since keyRefs, and refuses more than 1,000 keys a call', async () => {
    const { services, lab } = servicesOnLabWithLab()
    const id = (await services.kms.CreateKey({})).KeyMetadata!.KeyId!
    const refs = await services.catalog.keyRefs({})
    await services.kms.ScheduleKeyDeletion({ KeyId: id, PendingWindowInDays: 7 })
    await lab.engine.advanceClock(8 * 24 * 3600 * 1000)
    expect((await services.catalog.describeKeys({ keys: refs.keys })).keys).toEqual([])

    const many = Array.from({ length: 1001 }, () => ({ keyId: id, aliases: [] }))
    const refused = await dispatch(services, 'catalog', 'describeKeys', { keys: many })
    expect(refused).toMatchObject({ ok: false, error: { name: 'ValidationException' } })
  })

  it('describes a key with more aliases than a slice has keys (the quota can be raised)', async () => {
    const { services } = servicesOnLabWithLab()
    const id = (await services.kms.CreateKey({})).KeyMetadata!.KeyId!
    // The lab keeps AWS's default quota (50); on AWS it can be raised well past a slice's size.
    const aliases = Array.from({ length: 1001 }, (_, i) => `alias/many-${i}`)
    const described = await dispatch(services, 'catalog', 'describeKeys', {
      keys: [{ keyId: id, aliases }]
    })
    expect(described).toMatchObject({ ok: true })
    const { keys } = (described as { ok: true; value: { keys: Array<{ aliases: string[] }> } })
      .value
    expect(keys[0].aliases).toHaveLength(1001)
  })
})

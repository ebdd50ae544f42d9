import { afterEach, describe, expect, it } from 'vitest'
import { LocalBackend } from '../../../../src/main/backends/local/local-backend'
import type { CallRecord } from '../../../../src/main/backends/call-record'
import { createServices } from '../../../../src/main/services/services'
import { withTempLab } from '../../../helpers/lab'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

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

import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openAuditLab, tamper, type AuditLab } from '../../../helpers/audit'
import { AuditLog, AuditQuery, openAuditReader, Verifier } from '../../../../src/main/audit'
import { TEST_PASSPHRASE, tempDir } from '../../../helpers/lab'
import { syntheticRecord } from '../../../helpers/synthetic-calls'

let env: AuditLab | undefined
afterEach(async () => {
  await env?.cleanup()
  env = undefined
})

describe('audit log', () => {
  it('records each console call as a CloudTrail-shaped event, on disk before the answer', async () => {
    env = openAuditLab()
    const { services, audit } = env
    const created = await services.kms.CreateKey({
      Description: 'audited key',
      Tags: [{ TagKey: 'team', TagValue: 'blue' }]
    })
    expect(audit.headSeq).toBe(1)
    await services.kms.DescribeKey({ KeyId: created.KeyMetadata?.KeyId as string })
    await expect(services.kms.DescribeKey({ KeyId: 'alias/missing' })).rejects.toThrow()
    const page = await services.audit.query({ filter: {}, offset: 0, limit: 10 })
    expect(page.total).toBe(3)
    expect(page.rows.map((r) => r.eventName)).toEqual(['DescribeKey', 'DescribeKey', 'CreateKey'])
    expect(page.rows[0].errorCode).toBe('NotFoundException')
    const detail = await services.audit.getRecord({ seq: 1 })
    const keyArn = created.KeyMetadata?.Arn as string
    expect(detail.event).toMatchObject({
      eventVersion: '1.11',
      eventSource: 'kms.amazonaws.com',
      eventName: 'CreateKey',
      awsRegion: 'us-east-1',
      eventType: 'AwsApiCall',
      managementEvent: true,
      eventCategory: 'Management',
      readOnly: false,
      recipientAccountId: '111122223333',
      userIdentity: {
        type: 'IAMUser',
        arn: 'arn:aws:iam::111122223333:user/lab-admin',
        accountId: '111122223333',
        userName: 'lab-admin'
      },
      requestParameters: {
        description: 'audited key',
        tags: [{ tagKey: 'team', tagValue: 'blue' }]
      },
      responseElements: {
        keyMetadata: {
          keyId: created.KeyMetadata?.KeyId,
          arn: keyArn,
          AWSAccountId: '111122223333'
        }
      },
      resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: keyArn }],
      keylab: { seq: 1, backend: { kind: 'lab', label: 'Local lab' }, via: 'console' }
    })
    expect(detail.event.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const failed = await services.audit.getRecord({ seq: 3 })
    expect(failed.event).toMatchObject({ errorCode: 'NotFoundException', responseElements: null })
  })

  it('verifies clean after close, from a reader that takes no lock', async () => {
    env = openAuditLab()
    for (let i = 0; i < 5; i++) await env.services.kms.CreateKey({})
    await env.close()
    const reader = openAuditReader(env.dir, { passphrase: TEST_PASSPHRASE })
    const v = new Verifier({ db: reader.db, dir: reader.dir, rootKey: reader.rootKey })
    while (!v.step(2)) {
      // steps of two records
    }
    const report = v.report()
    reader.close()
    expect(report.problems).toEqual([])
    expect(report).toMatchObject({
      ok: true,
      records: 5,
      checkpoints: 1,
      lastCheckpoint: { number: 1, records: 5 }
    })
  })
})

describe('audit index', () => {
  it('rebuilds event_index and its counts from the records when they are lost', async () => {
    env = openAuditLab()
    for (let i = 0; i < 3; i++) await env.services.kms.CreateKey({ Description: `k${i}` })
    await env.services.kms.DescribeKey({ KeyId: 'alias/nope' }).catch(() => undefined)
    const rootKey = Buffer.from(env.lab.rootKey)
    await env.close()
    tamper(env.dir, rootKey, (db) => db.exec('delete from event_index; delete from index_counts'))
    const log = AuditLog.open({ dataDir: env.dir, rootKey })
    const query = new AuditQuery(log)
    expect(query.page({ filter: { eventName: 'CreateKey' }, offset: 0, limit: 10 }).total).toBe(3)
    expect(query.page({ filter: { errorsOnly: true }, offset: 0, limit: 10 }).rows).toMatchObject([
      { seq: 4, eventName: 'DescribeKey', errorCode: 'NotFoundException' }
    ])
    expect(query.page({ filter: { readOnly: false }, offset: 0, limit: 10 }).total).toBe(3)
    await log.close()
  })

  it('gives a log made with the earlier key indexes the covering ones on open', async () => {
    env = openAuditLab()
    const { KeyId } = (await env.services.kms.CreateKey({})).KeyMetadata!
    await env.services.kms.Encrypt({ KeyId, Plaintext: new Uint8Array([1]) })
    const rootKey = Buffer.from(env.lab.rootKey)
    await env.close()
    tamper(env.dir, rootKey, (db) =>
      db.exec(`drop index event_index_key1; drop index event_index_key2;
        create index event_index_key1 on event_index (key1, seq) where key1 is not null;
        create index event_index_key2 on event_index (key2, seq) where key2 is not null;`)
    )
    const log = AuditLog.open({ dataDir: env.dir, rootKey })
    const sql = log.db
      .prepare("select sql from sqlite_master where name like 'event_index_key%' order by name")
      .pluck()
      .all()
    expect(sql).toEqual([
      expect.stringContaining('(key1, seq, name, ro, err)'),
      expect.stringContaining('(key2, seq, name, ro, err)')
    ])
    const page = new AuditQuery(log).page({
      filter: { keyId: KeyId, eventName: 'Encrypt', readOnly: true },
      offset: 0,
      limit: 10
    })
    expect(page.rows).toMatchObject([{ eventName: 'Encrypt', keyId: KeyId }])
    await log.close()
  })

  it('stops writing its backlog once the database is closed under it', async () => {
    const dir = tempDir()
    const log = AuditLog.open({ dataDir: dir, rootKey: randomBytes(32), checkpointWorker: null })
    await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(syntheticRecord(i))))
    expect(log.index.backlog).toBe(10)
    log.db.close()
    const turns = vi.spyOn(global, 'setImmediate')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(turns.mock.calls.length).toBeLessThan(5)
    turns.mockRestore()
    expect(log.index.backlog).toBe(10)
    rmSync(dir, { recursive: true, force: true })
  })
})

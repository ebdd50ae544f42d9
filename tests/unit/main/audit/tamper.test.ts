// Tampering with the audit log by someone holding its database key: every kind of change is
// detected by verify, which names the first record (or checkpoint) that fails and why.
import { generateKeyPairSync, sign } from 'node:crypto'
import { copyFileSync, cpSync, rmSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditLog } from '../../../../src/main/audit'
import { triggerNames } from '../../../../src/main/audit/audit-db'
import { genesis, linkHash, toBlob } from '../../../../src/main/audit/hash-chain'
import { openAuditLab, tamper, verifyDir } from '../../../helpers/audit'
import { tempDir } from '../../../helpers/lab'
import type { Db } from '../../../../src/main/data/cipher-db'

const RECORDS = 2500
let base: string
let rootKey: Buffer
/** Records covered by checkpoint #1 (a multiple of 1000, or just past it at a batch's end). */
let firstSigned: number
const copies: string[] = []

beforeAll(async () => {
  const env = openAuditLab()
  base = env.dir
  rootKey = Buffer.from(env.lab.rootKey)
  const { KeyMetadata } = await env.services.kms.CreateKey({ Description: 'tamper target' })
  const keyId = KeyMetadata?.KeyId as string
  for (let i = 1; i < RECORDS; i += 100) {
    const n = Math.min(100, RECORDS - i)
    await Promise.all(
      Array.from({ length: n }, () => env.services.kms.DescribeKey({ KeyId: keyId }))
    )
  }
  expect(env.audit.headSeq).toBe(RECORDS)
  const row = env.audit.db.prepare('select body from checkpoints where number = 1').get() as {
    body: string
  }
  firstSigned = JSON.parse(row.body).records
  expect(firstSigned).toBeGreaterThanOrEqual(1000)
  await env.close()
})

afterAll(() => {
  for (const d of [base, ...copies]) rmSync(d, { recursive: true, force: true })
})

function copy(): string {
  const dir = tempDir()
  copies.push(dir)
  cpSync(base, dir, { recursive: true })
  return dir
}

function rewriteChain(db: Db, change: (record: Record<string, unknown>) => void): void {
  const logId = (
    db.prepare("select value from meta where name = 'logId'").get() as { value: string }
  ).value
  let prev = genesis(logId)
  const rows = db.prepare('select seq, body from events order by seq').all() as {
    seq: number
    body: string
  }[]
  const update = db.prepare('update events set prev = ?, hash = ?, body = ? where seq = ?')
  db.transaction(() => {
    for (const row of rows) {
      const record = JSON.parse(row.body)
      change(record)
      const body = JSON.stringify(record)
      const hash = linkHash(prev, body)
      update.run(toBlob(prev), toBlob(hash), body, row.seq)
      prev = hash
    }
  })()
}

describe('audit log tampering', () => {
  it('an untouched log verifies, with a checkpoint every 1000 records and one on close', () => {
    const report = verifyDir(copy())
    expect(report).toMatchObject({ ok: true, records: RECORDS, checkpoints: 3, problems: [] })
    expect(report.lastCheckpoint).toMatchObject({ number: 3, records: RECORDS })
  })

  it('refuses UPDATE and DELETE while its triggers are in place', () => {
    const dir = copy()
    const db = openAuditLab(dir).audit.db
    expect(() => db.prepare("update events set body = '{}' where seq = 1").run()).toThrow(
      'the audit log is append-only: update on events refused'
    )
    expect(() => db.prepare('delete from events where seq = 1').run()).toThrow(
      'the audit log is append-only: delete on events refused'
    )
    expect(() => db.prepare('delete from checkpoints').run()).toThrow('append-only')
    db.close()
  })

  it('names a record whose field was changed', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) =>
      db
        .prepare(
          "update events set body = json_set(body, '$.eventName', 'Decrypt') where seq = 1234"
        )
        .run()
    )
    const report = verifyDir(dir)
    expect(report.ok).toBe(false)
    expect(report.failure).toEqual({
      seq: 1234,
      reason: 'record 1234 was changed after it was written: its content no longer matches its hash'
    })
    expect(report.problems.map((p) => p.reason)).toContainEqual(
      expect.stringContaining('append-only triggers events_no_update, events_no_delete')
    )
  })

  it('names a record changed to hold a raw control character', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) =>
      db
        .prepare(
          "update events set body = replace(body, 'KeyLab console', 'KeyLab' || char(30)) where seq = 2222"
        )
        .run()
    )
    expect(verifyDir(dir).failure).toEqual({
      seq: 2222,
      reason: 'record 2222 was changed after it was written: its content no longer matches its hash'
    })
  })

  it('names a deleted record', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => db.prepare('delete from events where seq = 1500').run())
    expect(verifyDir(dir).failure).toEqual({
      seq: 1500,
      reason: 'record 1500 is missing: the log goes from record 1499 to record 1501'
    })
  })

  it('names the first of two records swapped', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      const get = db.prepare('select prev, hash, body from events where seq = ?')
      const a = get.get(1300) as { prev: Buffer; hash: Buffer; body: string }
      const b = get.get(1301) as { prev: Buffer; hash: Buffer; body: string }
      const put = db.prepare('update events set prev = ?, hash = ?, body = ? where seq = ?')
      put.run(b.prev, b.hash, b.body, 1300)
      put.run(a.prev, a.hash, a.body, 1301)
    })
    expect(verifyDir(dir).failure).toEqual({
      seq: 1300,
      reason:
        'record 1300 does not follow record 1299: a record was removed, inserted or moved, or record 1299 was rewritten'
    })
  })

  it('names the cut tail against the last checkpoint', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => db.prepare('delete from events where seq > 2400').run())
    const report = verifyDir(dir)
    expect(report.failure?.seq).toBe(2401)
    expect(report.failure?.checkpoint).toBe(3)
    expect(report.failure?.reason).toMatch(
      /^the log ends at record 2400, but checkpoint #3 \(signed .+\) covers 2500 records: records 2401 to 2500 were removed$/
    )
  })

  it('sees a cut tail whose checkpoints were deleted too, from the checkpoint file', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      db.prepare('delete from events where seq > 1900').run()
      db.prepare('delete from checkpoints where number > 1').run()
    })
    const reasons = verifyDir(dir).problems.map((p) => p.reason)
    expect(reasons).toContainEqual(
      expect.stringMatching(
        /^checkpoint #3 \(audit-checkpoint.json, signed .+, covering 2500 records\) is missing from the database: checkpoints were removed$/
      )
    )
    expect(reasons).toContainEqual(
      expect.stringMatching(/^the log ends at record 1900, but checkpoint #3/)
    )
  })

  it('names the first signed record of a chain rewritten consistently', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => rewriteChain(db, (r) => (r.userAgent = 'rewritten')))
    const report = verifyDir(dir)
    expect(report.failure).toMatchObject({ seq: firstSigned, checkpoint: 1 })
    expect(report.failure?.reason).toMatch(
      new RegExp(
        `^record ${firstSigned} is not the record checkpoint #1 signed \\(.+\\): the log up to it was rewritten$`
      )
    )
  })

  it('sees a rewritten chain whose checkpoints and checkpoint file were removed', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      rewriteChain(db, (r) => (r.sourceIPAddress = '203.0.113.9'))
      db.prepare('delete from checkpoints').run()
    })
    unlinkSync(join(dir, 'audit-checkpoint.json'))
    expect(verifyDir(dir).failure).toEqual({
      seq: 1,
      reason:
        'records 1 to 2500 are not covered by any signed checkpoint, although one is signed every 1000 records: checkpoints were removed'
    })
  })

  it('names a record whose link to the one before was changed, and nothing else', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) =>
      db.prepare('update events set prev = randomblob(32) where seq = 1777').run()
    )
    expect(verifyDir(dir).failure).toEqual({
      seq: 1777,
      reason:
        'record 1777 does not follow record 1776: a record was removed, inserted or moved, or record 1776 was rewritten'
    })
  })

  it('names a record whose hash is stored as text rather than as KeyLab stores it', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) =>
      db.prepare('update events set hash = lower(hex(hash)) where seq = 1888').run()
    )
    expect(verifyDir(dir).failure).toEqual({
      seq: 1888,
      reason:
        'record 1888 is not stored as KeyLab stores records (its hashes or its content have the wrong type): the database was changed outside KeyLab'
    })
  })

  it('sees a record stored outside the chain, under number 0', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) =>
      db
        .prepare(
          "insert into events (seq, prev, hash, body) values (0, randomblob(32), randomblob(32), '{}')"
        )
        .run()
    )
    expect(verifyDir(dir).problems.map((p) => p.reason)).toContainEqual(
      '1 record(s) are stored under a number below 1, outside the chain: the database was changed outside KeyLab'
    )
  })

  it('names a checkpoint that is not one any more, rather than failing to read it', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      db.prepare("update checkpoints set body = 'not json' where number = 2").run()
      db.prepare("update checkpoints set body = 'null' where number = 3").run()
    })
    const report = verifyDir(dir)
    expect(report.ok).toBe(false)
    expect(report.problems).toContainEqual({
      checkpoint: 2,
      reason: 'checkpoint #2 cannot be read: it is not a KeyLab checkpoint'
    })
    expect(report.problems).toContainEqual({
      checkpoint: 3,
      reason: 'checkpoint #3 cannot be read: it is not a KeyLab checkpoint'
    })
  })

  it('sees an append-only trigger made again to do nothing', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      db.exec(`create trigger events_no_update before update on events when 0
        begin select raise(abort, 'the audit log is append-only: update on events refused'); end;`)
      for (const name of triggerNames().filter((n) => n !== 'events_no_update')) {
        const [table, , action] = name.split('_')
        db.exec(`create trigger ${name} before ${action} on ${table}
    begin select raise(abort, 'the audit log is append-only: ${action} on ${table} refused'); end;`)
      }
    })
    const reasons = verifyDir(dir).problems.map((p) => p.reason)
    expect(reasons).toEqual([
      'the append-only triggers events_no_update were removed or altered: the database was changed outside KeyLab'
    ])
  })

  it('does not let an unsigned checkpoint interval in meta widen the unsigned tail', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      rewriteChain(db, (r) => (r.sourceIPAddress = '203.0.113.9'))
      db.prepare('delete from checkpoints').run()
      db.prepare("update meta set value = '1000000000' where name = 'checkpointEvery'").run()
    })
    unlinkSync(join(dir, 'audit-checkpoint.json'))
    expect(verifyDir(dir).failure).toEqual({
      seq: 1,
      reason:
        'records 1 to 2500 are not covered by any signed checkpoint, although one is signed every 1000 records: checkpoints were removed'
    })
  })

  it('sees a log rolled back with its checkpoint file, given a witness kept elsewhere', () => {
    const dir = copy()
    const witness = join(tempDir(), 'witness.json')
    copies.push(join(witness, '..'))
    copyFileSync(join(dir, 'audit-checkpoint.json'), witness)
    // Back to checkpoint #1: later records and checkpoints gone, the mirror made from #1's row.
    tamper(dir, rootKey, (db) => {
      db.prepare('delete from events where seq > ?').run(firstSigned)
      db.prepare('delete from checkpoints where number > 1').run()
    })
    unlinkSync(join(dir, 'audit-checkpoint.json'))
    const alone = verifyDir(dir)
    expect(alone.problems.map((p) => p.reason)).toEqual([
      expect.stringContaining('append-only triggers')
    ])
    const report = verifyDir(dir, [witness])
    expect(report.problems.map((p) => p.reason)).toContainEqual(
      expect.stringMatching(
        /^checkpoint #3 \(the witness witness.json, signed .+, covering 2500 records\) is missing from the database: the log was rolled back, or its checkpoints removed$/
      )
    )
    expect(report.problems.map((p) => p.reason)).toContainEqual(
      expect.stringMatching(new RegExp(`^the log ends at record ${firstSigned}, but checkpoint #3`))
    )
  })

  it('passes an intact log against its witness, and refuses a witness of another log', async () => {
    const dir = copy()
    const witness = join(tempDir(), 'witness.json')
    copies.push(join(witness, '..'))
    copyFileSync(join(dir, 'audit-checkpoint.json'), witness)
    const report = verifyDir(dir, [witness])
    expect(report.ok).toBe(true)
    expect(report.notes).toContain('matches the witness witness.json: checkpoint #3, 2500 records')
    const other = openAuditLab()
    copies.push(other.dir)
    await other.services.kms.CreateKey({})
    await other.close()
    const foreign = verifyDir(dir, [join(other.dir, 'audit-checkpoint.json')])
    expect(foreign.problems).toEqual([
      { reason: 'the witness audit-checkpoint.json is a checkpoint of another audit log' }
    ])
  })

  it('sees a record forged onto the log after KeyLab closed it, and KeyLab will not sign it', () => {
    const dir = copy()
    tamper(dir, rootKey, (db) => {
      const last = db.prepare('select hash, body from events where seq = ?').get(RECORDS) as {
        hash: Buffer
        body: string
      }
      const forged = JSON.stringify({ ...JSON.parse(last.body), eventName: 'ScheduleKeyDeletion' })
      const prev = last.hash.toString('hex')
      db.prepare('insert into events (seq, prev, hash, body) values (?, ?, ?, ?)').run(
        RECORDS + 1,
        last.hash,
        toBlob(linkHash(prev, forged)),
        forged
      )
    })
    const report = verifyDir(dir)
    expect(report.failure).toMatchObject({ seq: RECORDS + 1, checkpoint: 3 })
    expect(report.failure?.reason).toMatch(
      /^records 2501 to 2501 were added after KeyLab closed the log \(checkpoint #3, signed .+\): KeyLab did not write them$/
    )
    expect(() => AuditLog.open({ dataDir: dir, rootKey, checkpointWorker: null })).toThrow(
      /^records 2501 to 2501 were added to the audit log after KeyLab closed it/
    )
  })

  it('does not take the records of a log opened again for ones added while it was closed', async () => {
    const env = openAuditLab(copy())
    await env.services.kms.ListKeys({})
    const report = verifyDir(env.dir)
    expect(report.ok).toBe(true)
    expect(report.records).toBe(RECORDS + 1)
    await env.close()
    expect(verifyDir(env.dir)).toMatchObject({ ok: true, records: RECORDS + 1 })
  })

  it('sees checkpoints re-signed with a key of the attacker', () => {
    const dir = copy()
    const { privateKey } = generateKeyPairSync('ed25519')
    tamper(dir, rootKey, (db) => {
      rewriteChain(db, (r) => (r.awsRegion = 'eu-west-1'))
      const rows = db.prepare('select number, body from checkpoints').all() as {
        number: number
        body: string
      }[]
      for (const row of rows) {
        db.prepare('update checkpoints set signature = ? where number = ?').run(
          sign(null, Buffer.from(row.body), privateKey),
          row.number
        )
      }
    })
    const report = verifyDir(dir)
    expect(report.problems).toContainEqual({
      seq: firstSigned,
      checkpoint: 1,
      reason: "checkpoint #1 has an invalid signature: it was not signed by this log's key"
    })
    expect(report.failure?.seq).toBe(firstSigned)
  })
})

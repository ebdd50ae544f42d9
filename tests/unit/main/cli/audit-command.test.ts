import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { auditCommand } from '../../../../src/main/cli/audit-command'
import { openAuditLab, tamper } from '../../../helpers/audit'
import { TEST_PASSPHRASE } from '../../../helpers/lab'
import { rmSync } from 'node:fs'

let dir: string
let rootKey: Buffer
let keyId: string
let out: string[]
let err: string[]

beforeAll(async () => {
  const env = openAuditLab()
  dir = env.dir
  rootKey = Buffer.from(env.lab.rootKey)
  const { KeyMetadata } = await env.services.kms.CreateKey({ Description: 'exported, key one' })
  keyId = KeyMetadata?.KeyId as string
  await env.services.kms.CreateKey({ Description: '=HYPERLINK("x")' })
  await env.services.kms.DescribeKey({ KeyId: keyId })
  await env.services.kms.DescribeKey({ KeyId: 'alias/nope' }).catch(() => undefined)
  await env.close()
  process.env.KEYLAB_PASSPHRASE = TEST_PASSPHRASE
})
afterAll(() => {
  delete process.env.KEYLAB_PASSPHRASE
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  out = []
  err = []
  process.exitCode = undefined
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s))
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s))
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
})
afterEach(() => {
  vi.restoreAllMocks()
  process.exitCode = undefined
})

describe('keylab audit', () => {
  it('verify says the log is intact, with its last checkpoint', async () => {
    await auditCommand(['verify', '--data-dir', dir])
    expect(process.exitCode).toBeUndefined()
    expect(out).toContain('OK: the audit log is intact: 4 records, 1 signed checkpoint.')
    expect(
      out.some((l) => /^Last checkpoint: #1, 4 records, signed .+, head [0-9a-f]{64}$/.test(l))
    ).toBe(true)
  })

  it('verify checks the log against a witness kept elsewhere', async () => {
    const witness = join(dir, '..', `${dir.split('/').pop()}-witness.json`)
    copyFileSync(join(dir, 'audit-checkpoint.json'), witness)
    try {
      await auditCommand(['verify', '--witness', witness, '--data-dir', dir])
      expect(process.exitCode).toBeUndefined()
      expect(out).toContain(
        `Note: matches the witness ${witness.split('/').pop()}: checkpoint #1, 4 records`
      )
    } finally {
      rmSync(witness, { force: true })
    }
  })

  it('export writes CloudTrail Records, filtered by key and event', async () => {
    const file = join(dir, 'export.json')
    await auditCommand([
      'export',
      '--format',
      'cloudtrail',
      '--key',
      keyId,
      '--event',
      'DescribeKey',
      '--out',
      file,
      '--data-dir',
      dir
    ])
    const { Records } = JSON.parse(readFileSync(file, 'utf8'))
    expect(Records).toHaveLength(1)
    expect(Records[0]).toMatchObject({
      eventSource: 'kms.amazonaws.com',
      eventName: 'DescribeKey',
      requestParameters: { keyId },
      resources: [{ type: 'AWS::KMS::Key', ARN: `arn:aws:kms:us-east-1:111122223333:key/${keyId}` }]
    })
    expect(err).toContain(`Exported 1 records to ${file}`)
  })

  it('export --to a day alone takes in that whole day', async () => {
    const file = join(dir, 'today.json')
    const all = join(dir, 'all.json')
    await auditCommand(['export', '--format', 'cloudtrail', '--out', all, '--data-dir', dir])
    // The day the records were written (read from them, so a run across midnight still holds).
    const today = JSON.parse(readFileSync(all, 'utf8')).Records[3].eventTime.slice(0, 10)
    await auditCommand([
      'export',
      '--format',
      'cloudtrail',
      '--from',
      today,
      '--to',
      today,
      '--out',
      file,
      '--data-dir',
      dir
    ])
    expect(JSON.parse(readFileSync(file, 'utf8')).Records).toHaveLength(4)
  })

  it('export writes CSV with a header line', async () => {
    const file = join(dir, 'export.csv')
    await auditCommand(['export', '--format', 'csv', '--out', file, '--data-dir', dir])
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines[0].startsWith('seq,eventTime,eventName,')).toBe(true)
    expect(lines).toHaveLength(5)
    expect(lines[2]).toContain(`""description"":""=HYPERLINK(\\""x\\"")""`)
    expect(lines[4]).toContain('NotFoundException')
  })

  it('verify fails with exit code 1 and names the record', async () => {
    tamper(dir, rootKey, (db) =>
      db
        .prepare(
          "update events set body = json_set(body, '$.awsRegion', 'eu-west-1') where seq = 3"
        )
        .run()
    )
    await auditCommand(['verify', '--data-dir', dir])
    expect(process.exitCode).toBe(1)
    expect(out).toContain(
      'FAILED at record 3: record 3 was changed after it was written: its content no longer matches its hash'
    )
  })

  it('refuses a bad format with usage and exit code 2', async () => {
    await auditCommand(['export', '--format', 'xml', '--data-dir', dir])
    expect(process.exitCode).toBe(2)
    expect(err[0]).toMatch(/^keylab audit: --format must be cloudtrail or csv/)
  })
})

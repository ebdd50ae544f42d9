// A wrong key, a foreign database or signing key, a deleted log: each is a clear error, and no
// file of the data dir changes.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AuditLog, openAuditReader } from '../../../../src/main/audit'
import { openAuditLab, verifyDir } from '../../../helpers/audit'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function hashDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of readdirSync(dir).sort())
    out[f] = createHash('sha256')
      .update(readFileSync(join(dir, f)))
      .digest('hex')
  return out
}

async function labWithRecords(): Promise<{ dir: string; rootKey: Buffer }> {
  const env = openAuditLab()
  dirs.push(env.dir)
  await env.services.kms.CreateKey({ Description: 'in the log' })
  const rootKey = Buffer.from(env.lab.rootKey)
  await env.close()
  return { dir: env.dir, rootKey }
}

describe('audit log keys', () => {
  it('refuses a wrong passphrase before touching the log', async () => {
    const { dir } = await labWithRecords()
    const before = hashDir(dir)
    expect(() => openAuditReader(dir, { passphrase: 'not the passphrase' })).toThrow(
      'the lab store could not be opened: wrong key or not a KeyLab store'
    )
    expect(hashDir(dir)).toEqual(before)
  })

  it('refuses an audit.db encrypted under another lab key, file bytes unchanged', async () => {
    const a = await labWithRecords()
    const b = await labWithRecords()
    copyFileSync(join(b.dir, 'audit.db'), join(a.dir, 'audit.db'))
    const before = hashDir(a.dir)
    expect(() => AuditLog.open({ dataDir: a.dir, rootKey: a.rootKey })).toThrow(
      'the audit log could not be opened: wrong key or not a KeyLab store'
    )
    expect(() => verifyDir(a.dir)).toThrow(
      'the audit log could not be opened: wrong key or not a KeyLab store'
    )
    expect(hashDir(a.dir)).toEqual(before)
  })

  it('refuses a signing key that belongs to another lab, and verify names it', async () => {
    const a = await labWithRecords()
    const b = await labWithRecords()
    copyFileSync(join(b.dir, 'audit-signing.key'), join(a.dir, 'audit-signing.key'))
    const before = hashDir(a.dir)
    expect(() => AuditLog.open({ dataDir: a.dir, rootKey: a.rootKey })).toThrow(
      'the audit signing key does not open with this lab key: it was replaced or belongs to another data dir'
    )
    expect(hashDir(a.dir)).toEqual(before)
    const report = verifyDir(a.dir)
    expect(report.ok).toBe(false)
    expect(report.problems[0].reason).toBe(
      'the audit signing key does not open with this lab key: it was replaced or belongs to another data dir; checkpoint signatures cannot be checked'
    )
  })

  it('does not start a new log over a deleted one', async () => {
    const { dir, rootKey } = await labWithRecords()
    unlinkSync(join(dir, 'audit.db'))
    expect(() => AuditLog.open({ dataDir: dir, rootKey })).toThrow(
      /is missing but its checkpoints are there: it was deleted or moved/
    )
    expect(existsSync(join(dir, 'audit.db'))).toBe(false)
  })
})

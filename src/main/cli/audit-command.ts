// `keylab audit verify|export`: checks or exports the audit log of a data dir, reading it only
// (no lock is taken, so it works while KeyLab runs on that dir).
import { createWriteStream } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { AuditFilter, ExportFormat, VerifyReport } from '../../shared/ipc/audit-api'
import { AuditExporter, openAuditReader, Verifier, type AuditReader } from '../audit'
import { AUDIT_DB_FILE, auditDbKey } from '../audit/audit-db'
import { runVerifier } from '../audit/verify-run'
import { defaultDataDir } from './options'
import { readPassphrase } from './passphrase'

export const AUDIT_USAGE = `usage: keylab audit verify [--witness FILE]... [--data-dir DIR]
       keylab audit export --format cloudtrail|csv [--from TIME] [--to TIME] [--event NAME]
                           [--key KEY] [--out FILE] [--data-dir DIR]

verify walks the hash chain and the signed checkpoints and names the first record that fails;
it exits 1 when the log fails. A witness is a copy of the data dir's audit-checkpoint.json kept
elsewhere: the log must still hold that signed checkpoint and the records it covers (whoever
holds the lab's key can roll the data dir back, its checkpoint file with it; a witness cannot). export writes CloudTrail's {"Records": [...]} or CSV to FILE or
stdout. TIME is ISO 8601 (2026-01-31, 2026-01-31T12:00:00Z) or epoch milliseconds; a day alone
as --to takes in the whole day.`

class UsageError extends Error {}

async function openReader(dir: string | undefined): Promise<AuditReader> {
  const dataDir = resolve(dir ?? defaultDataDir())
  const passphrase = await readPassphrase(`Passphrase for the lab at ${dataDir}: `)
  return openAuditReader(dataDir, { passphrase })
}

const fmt = (n: number): string => n.toLocaleString('en-US')

export function printReport(report: VerifyReport, out: (line: string) => void): void {
  const cp = report.lastCheckpoint
  if (report.ok) {
    out(
      `OK: the audit log is intact: ${fmt(report.records)} records, ${fmt(report.checkpoints)} ` +
        `signed checkpoint${report.checkpoints === 1 ? '' : 's'}.`
    )
  } else {
    const f = report.failure
    const where =
      f?.seq !== undefined
        ? ` at record ${fmt(f.seq)}`
        : f?.checkpoint
          ? ` at checkpoint #${f.checkpoint}`
          : ''
    out(`FAILED${where}: ${f?.reason}`)
    for (const p of report.problems.slice(1)) out(`  also: ${p.reason}`)
  }
  if (cp)
    out(
      `Last checkpoint: #${cp.number}, ${fmt(cp.records)} records, signed ${cp.signedAt}, head ${cp.headHash}`
    )
  if (report.headHash) out(`Head hash: ${report.headHash}`)
  for (const note of report.notes) out(`Note: ${note}`)
  out(`Checked in ${(report.elapsedMs / 1000).toFixed(2)} s.`)
}

async function verify(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, witness: { type: 'string', multiple: true } },
    strict: true
  })
  const witnesses = (values.witness ?? []).map((f) => resolve(f))
  const reader = await openReader(values['data-dir'])
  try {
    console.log(`Verifying the audit log in ${reader.dir}`)
    const verifier = new Verifier({
      db: reader.db,
      dir: reader.dir,
      rootKey: reader.rootKey,
      witnesses
    })
    let shown = 0
    const report = await runVerifier(verifier, {
      file: join(reader.dir, AUDIT_DB_FILE),
      key: auditDbKey(reader.rootKey),
      onProgress: (checked) => {
        if (checked >= verifier.total) return
        const pct = Math.floor((checked / Math.max(1, verifier.total)) * 100)
        if (pct >= shown + 10 || process.stderr.isTTY) {
          shown = pct
          const line = `  ${fmt(checked)} / ${fmt(verifier.total)} records (${pct}%)`
          if (process.stderr.isTTY) process.stderr.write(`\r${line}`)
          else process.stderr.write(`${line}\n`)
        }
      }
    })
    if (process.stderr.isTTY && shown) process.stderr.write('\n')
    printReport(report, (line) => console.log(line))
    if (!report.ok) process.exitCode = 1
  } finally {
    reader.close()
  }
}

function time(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value)
  if (!Number.isFinite(t))
    throw new UsageError(`--${name} ${value} is not a time (ISO 8601 or epoch ms)`)
  // A day alone, as --to, takes in the whole day (--from 2026-01-31 --to 2026-01-31: that day).
  return name === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? t + 86_400_000 - 1 : t
}

async function exportLog(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      event: { type: 'string' },
      key: { type: 'string' },
      out: { type: 'string' }
    },
    strict: true
  })
  const format = values.format as ExportFormat
  if (format !== 'cloudtrail' && format !== 'csv')
    throw new UsageError('--format must be cloudtrail or csv')
  const filter: AuditFilter = {
    from: time(values.from, 'from'),
    to: time(values.to, 'to'),
    eventName: values.event,
    keyId: values.key
  }
  const reader = await openReader(values['data-dir'])
  try {
    const head = (
      reader.db.prepare('select coalesce(max(seq), 0) as n from events').get() as { n: number }
    ).n
    const exporter = new AuditExporter(reader.db, format, filter, head)
    const sink: NodeJS.WritableStream = values.out
      ? createWriteStream(values.out, { mode: 0o600 })
      : process.stdout
    let cursor: string | undefined
    let count = 0
    do {
      const chunk = exporter.chunk(cursor, 5000)
      count += chunk.count
      if (!sink.write(chunk.data)) await new Promise<void>((r) => sink.once('drain', () => r()))
      cursor = chunk.done ? undefined : chunk.cursor
    } while (cursor)
    if (values.out) {
      await new Promise<void>((res, rej) => {
        sink.once('error', rej)
        sink.end(() => res())
      })
      console.error(`Exported ${fmt(count)} records to ${values.out}`)
    }
  } finally {
    reader.close()
  }
}

export async function auditCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv
  if (!sub || ['--help', '-h', 'help'].includes(sub) || rest.includes('--help')) {
    console.log(AUDIT_USAGE)
    return
  }
  try {
    if (sub === 'verify') return await verify(rest)
    if (sub === 'export') return await exportLog(rest)
    throw new UsageError(`unknown audit command '${sub}'`)
  } catch (e) {
    const parseError = (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (!(e instanceof UsageError) && !parseError) throw e
    console.error(`keylab audit: ${(e as Error).message}\n\n${AUDIT_USAGE}`)
    process.exitCode = 2
  }
}

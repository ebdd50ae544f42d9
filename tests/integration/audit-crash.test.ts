// Crash test: a child process runs concurrent operations through the real services and audit
// observer and is killed with SIGKILL at a random moment, ten times over the same data dir.
// After each kill, every operation whose answer the parent received is in the log, and the log
// verifies (records after the last checkpoint are allowed, as after any crash).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtinModules } from 'node:module'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditExporter, openAuditReader, Verifier } from '../../src/main/audit'
import type { AuditRecord } from '../../src/shared/audit/record'
import { TEST_PASSPHRASE } from '../helpers/lab'

const ROUNDS = 10
let work: string
let child: string
/** Inside the project, so the child resolves its dependencies from node_modules. */
const BIN = join(__dirname, '..', '..', 'out', 'test-bin')

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'keylab-crash-'))
  const external = [
    ...builtinModules,
    ...builtinModules.map((m) => `node:${m}`),
    'better-sqlite3-multiple-ciphers'
  ]
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: BIN,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: join(__dirname, 'audit-crash-child.ts'),
        external,
        output: { format: 'cjs', entryFileNames: 'audit-crash-child.cjs' }
      }
    }
  })
  child = join(BIN, 'audit-crash-child.cjs')
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Runs the child until `ms` after it is ready, kills it with SIGKILL, returns the acks seen. */
function runAndKill(dataDir: string, round: number, ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, String(round), TEST_PASSPHRASE], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: process.cwd()
    })
    const acks: string[] = []
    let buffered = ''
    let err = ''
    proc.stderr.on('data', (c) => (err += c))
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => proc.kill('SIGKILL'), ms)
        else if (line.startsWith('ack ')) acks.push(line.slice(4))
      }
    })
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks)
      else reject(new Error(`child exited (${code ?? signal}) before it was killed:\n${err}`))
    })
  })
}

function inspect(dataDir: string): { ids: Set<string>; problems: string[]; records: number } {
  const reader = openAuditReader(dataDir, { passphrase: TEST_PASSPHRASE })
  try {
    const verifier = new Verifier({ db: reader.db, dir: dataDir, rootKey: reader.rootKey })
    while (!verifier.step()) {
      // to the end
    }
    const report = verifier.report()
    const ids = new Set<string>()
    const head = (
      reader.db.prepare('select coalesce(max(seq), 0) as n from events').get() as { n: number }
    ).n
    const exporter = new AuditExporter(reader.db, 'cloudtrail', {}, head)
    let cursor: string | undefined
    const text: string[] = []
    do {
      const chunk = exporter.chunk(cursor, 5000)
      text.push(chunk.data)
      cursor = chunk.done ? undefined : chunk.cursor
    } while (cursor)
    for (const event of JSON.parse(text.join('')).Records as AuditRecord[]) {
      const p = event.requestParameters ?? {}
      const id = (p.description ?? String(p.keyId ?? '').replace('alias/', '')) as string
      if (id.startsWith('crash-')) ids.add(id)
    }
    return { ids, problems: report.problems.map((p) => p.reason), records: report.records }
  } finally {
    reader.close()
  }
}

describe('audit log under SIGKILL', () => {
  it(`keeps every acknowledged operation and verifies, over ${ROUNDS} kills`, async () => {
    const dataDir = join(work, 'lab')
    let acked = 0
    let previous = 0
    for (let round = 0; round < ROUNDS; round++) {
      const acks = await runAndKill(dataDir, round, 80 + Math.floor(Math.random() * 400))
      const { ids, problems, records } = inspect(dataDir)
      expect(problems, `round ${round}`).toEqual([])
      const missing = acks.filter((id) => !ids.has(id))
      expect(missing, `round ${round}: acknowledged but not in the log`).toEqual([])
      expect(records).toBeGreaterThanOrEqual(previous + acks.length)
      previous = records
      acked += acks.length
    }
    console.log(
      `audit crash test: ${ROUNDS} kills, ${acked} acknowledged operations, ${previous} records`
    )
    expect(acked).toBeGreaterThan(ROUNDS)
  }, 180_000)
})

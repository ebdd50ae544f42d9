// The floor under the 16-writer figure: the same durability rule as the audit log (16 writers,
// each waiting for the fdatasync that covers its own record, so one 16-row commit and one sync
// per cycle), with nothing else around it. "bare" commits rows made beforehand into a table of
// the log's schema, in a SQLCipher database opened as audit.db is, and syncs its WAL on the
// event loop's thread, as the log does when nothing else keeps the loop busy (loop-load.ts). "chain" also does what the issue asks of every record: its canonical JSON and its link
// in the SHA-256 chain. No index, no checkpoint (WAL or signed), no promises per writer: any
// log of this design on this disk does less than this.
import { randomBytes } from 'node:crypto'
import { closeSync, fdatasyncSync, openSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { canonicalJson } from '../../src/main/audit/canonical-json'
import { linkHash, toBlob } from '../../src/main/audit/hash-chain'
import { leanRecord } from '../../src/main/audit/stored-record'
import { openCipherDb } from '../../src/main/data/cipher-db'
import type { AuditRecord } from '../../src/shared/audit/record'

export interface Floor {
  perSec: number
  commitUs: number
  syncUs: number
}

const WRITERS = 16
let runs = 0

export function appendFloor(
  dir: string,
  records: AuditRecord[],
  chain: boolean,
  ms: number
): Floor {
  const file = join(dir, `floor-${chain ? 'chain' : 'bare'}-${++runs}.db`)
  const db = openCipherDb(file, randomBytes(32), 'floor database')
  db.pragma('wal_autocheckpoint=0')
  db.exec(
    'create table events (seq integer primary key, prev blob not null, hash blob not null, body text not null)'
  )
  const insert = db.prepare('insert into events (seq, prev, hash, body) values (?, ?, ?, ?)')
  const ready = records.map((r) => canonicalJson(leanRecord(r)))
  const someHash = randomBytes(32)
  let seq = 0
  let head = '0'.repeat(64)
  const commit = db.transaction((from: number) => {
    for (let i = 0; i < WRITERS; i++) {
      const k = (from + i) % records.length
      if (chain) {
        const body = canonicalJson(leanRecord(records[k]))
        const next = linkHash(head, body)
        insert.run(++seq, toBlob(head), toBlob(next), body)
        head = next
      } else {
        insert.run(++seq, someHash, someHash, ready[k])
      }
    }
  })
  commit(0)
  const wal = openSync(`${file}-wal`, 'r')
  let commitNs = 0n
  let syncNs = 0n
  let cycles = 0
  const start = process.hrtime.bigint()
  const end = Date.now() + ms
  while (Date.now() < end) {
    const t0 = process.hrtime.bigint()
    commit(seq)
    const t1 = process.hrtime.bigint()
    fdatasyncSync(wal)
    syncNs += process.hrtime.bigint() - t1
    commitNs += t1 - t0
    cycles++
  }
  const sec = Number(process.hrtime.bigint() - start) / 1e9
  closeSync(wal)
  db.close()
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
  return {
    perSec: (cycles * WRITERS) / sec,
    commitUs: Number(commitNs) / cycles / 1000,
    syncUs: Number(syncNs) / cycles / 1000
  }
}

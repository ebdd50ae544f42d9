// Test labs with their audit log: the real engine, the real services and the audit observer,
// wired as the desktop app and `keylab web` wire them.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { VerifyReport } from '../../src/shared/ipc/audit-api'
import { AUDIT_DB_FILE, auditDbKey, triggerNames } from '../../src/main/audit/audit-db'
import { runVerifier, type VerifyRunOptions } from '../../src/main/audit/verify-run'
import { openCipherDb, type Db } from '../../src/main/data/cipher-db'
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import type { Lab } from '../../src/main/backends/local/lab'
import {
  AuditLog,
  auditObserver,
  openAuditReader,
  ServiceEventRelay,
  Verifier,
  type AuditLogOptions
} from '../../src/main/audit'
import { createServices, type Services } from '../../src/main/services/services'
import { openTestLab, tempDir, TEST_PASSPHRASE } from './lab'

export interface AuditLab {
  dir: string
  lab: Lab
  audit: AuditLog
  services: Services
  /** Closes the log and the lab (the dir stays). */
  close(): Promise<void>
  /** Closes and removes the dir. */
  cleanup(): Promise<void>
}

export function openAuditLab(dir = tempDir(), options: Partial<AuditLogOptions> = {}): AuditLab {
  const relay = new ServiceEventRelay()
  const lab = openTestLab(dir, { onServiceEvent: relay.listener })
  const audit = AuditLog.open({ dataDir: lab.dataDir, rootKey: lab.rootKey, ...options })
  relay.attach(audit)
  const services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: 'us-east-1',
    version: 'test',
    observe: auditObserver(audit),
    audit
  })
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    await audit.close()
    await lab.close()
  }
  return {
    dir,
    lab,
    audit,
    services,
    close,
    cleanup: async () => {
      await close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Verifies a closed (or running) lab's audit log as `keylab audit verify` does. */
export function verifyDir(dir: string, witnesses?: string[]): VerifyReport {
  const reader = openAuditReader(dir, { passphrase: TEST_PASSPHRASE })
  try {
    const v = new Verifier({ db: reader.db, dir, rootKey: reader.rootKey, witnesses })
    while (!v.step()) {
      // until done
    }
    return v.report()
  } finally {
    reader.close()
  }
}

/** Verifies as verifyDir does, through runVerifier (worker threads when `workerFile` is given). */
export async function verifyDirRun(
  dir: string,
  options: Partial<VerifyRunOptions> = {}
): Promise<{ report: VerifyReport; progress: number[] }> {
  const reader = openAuditReader(dir, { passphrase: TEST_PASSPHRASE })
  const progress: number[] = []
  try {
    const v = new Verifier({ db: reader.db, dir, rootKey: reader.rootKey })
    const report = await runVerifier(v, {
      file: join(dir, AUDIT_DB_FILE),
      key: auditDbKey(reader.rootKey),
      onProgress: (n) => progress.push(n),
      ...options
    })
    return { report, progress }
  } finally {
    reader.close()
  }
}

/**
 * Opens audit.db directly with its key, as someone holding that key could (same cipher
 * settings), drops the append-only triggers, and runs `change` on it.
 */
export function tamper(dir: string, rootKey: Buffer, change: (db: Db) => void): void {
  const db = openCipherDb(join(dir, 'audit.db'), auditDbKey(rootKey), 'audit log')
  try {
    for (const name of triggerNames()) db.exec(`drop trigger if exists ${name}`)
    change(db)
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

// Test labs with their audit log: the real engine, the real services and the audit observer,
// wired as the desktop app and `keylab web` wire them.
import { rmSync } from 'node:fs'
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import type { Lab } from '../../src/main/backends/local/lab'
import {
  AuditLog,
  auditObserver,
  ServiceEventRelay,
  type AuditLogOptions
} from '../../src/main/audit'
import { createServices, type Services } from '../../src/main/services/services'
import { openTestLab, tempDir } from './lab'

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

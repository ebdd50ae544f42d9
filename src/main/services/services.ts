// The main-process services behind every API of the IPC contract. IPC (Electron) and the web
// bridge both dispatch to the same object, so the UI behaves the same in both.
import type { Apis } from '../../shared/ipc/contract'
import type { KmsBackend } from '../backends/backend'
import type { CallObserver } from '../backends/call-record'
import type { LabEngine } from '../backends/local/engine'
import type { AuditLog } from '../audit/audit-log'
import { createAppService } from './app-service'
import { createAuditService } from './audit-service'
import { createKmsService } from './kms-service'
import { createLabService } from './lab-service'
import { Session } from './session'

export interface ServicesOptions {
  backend: KmsBackend
  /** The lab engine when the backend is the lab (clock controls). */
  lab?: LabEngine
  region: string
  version: string
  /** Told of every KMS call before its answer goes back (the audit log). */
  observe?: CallObserver
  /** The audit log the console's audit screen reads (query, verify, export). */
  audit?: AuditLog
}

export interface Services extends Apis {
  session: Session
}

export function createServices(options: ServicesOptions): Services {
  const session = new Session(
    {
      backend: options.backend,
      label: options.backend.kind === 'lab' ? 'Local lab' : 'AWS',
      lab: options.lab
    },
    options.region
  )
  return {
    session,
    kms: createKmsService(session, options.observe),
    app: createAppService(session, options.version),
    lab: createLabService(session),
    audit: createAuditService(options.audit)
  }
}

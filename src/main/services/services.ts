// The main-process services behind every API of the IPC contract. IPC (Electron) and the web
// bridge both dispatch to the same object, so the UI behaves the same in both.
import type { Apis } from '../../shared/ipc/contract'
import type { KmsBackend } from '../backends/backend'
import { AwsClientPool } from '../backends/aws/aws-clients'
import type { CallObserver } from '../backends/call-record'
import type { LabEngine } from '../backends/local/engine'
import { ConnectionSettings } from '../settings/connection-settings'
import { createAppService } from './app-service'
import { ConsoleActivityHub } from './console-activity'
import { createConnectionsService } from './connections-service'
import { createCatalogService } from './catalog-service'
import { createEndpointService, type EndpointService } from './endpoint-service'
import type { AuditLog } from '../audit/audit-log'
import { createAuditService } from './audit-service'
import { createKmsService } from './kms-service'
import { createLabService } from './lab-service'
import { createImportToolsService } from './import-tools-service'
import { createIamService } from './iam-service'
import { Session } from './session'

export interface ServicesOptions {
  backend: KmsBackend
  /** The lab engine when the backend is the lab (clock controls). */
  lab?: LabEngine
  region: string
  version: string
  /** Told of every KMS call before its answer goes back (the audit log). */
  observe?: CallObserver
  /** Where the saved connections live (the data dir) and the root key that seals their secrets; in memory without. */
  dataDir?: string
  rootKey?: Buffer
  /** The audit log the console's audit screen reads (query, verify, export). */
  audit?: AuditLog
}

export interface Services extends Apis {
  session: Session
  /** Progress of long listings and MFA prompts, watched by the renderer (app.watchActivity). */
  activity: ConsoleActivityHub
  /** Releases watchers and SDK clients (shutdown). */
  close(): void
  endpoint: EndpointService
}

export function createServices(options: ServicesOptions): Services {
  const labConnection = {
    backend: options.backend,
    label: options.backend.kind === 'lab' ? 'Local lab' : 'AWS',
    lab: options.lab
  }
  const session = new Session(labConnection, options.region)
  const activity = new ConsoleActivityHub()
  const pool = new AwsClientPool({
    mfaCode: (profile, serial) => activity.askMfa(profile, serial),
    userAgent: `keylab/${options.version}`
  })
  const connections = createConnectionsService({
    session,
    lab: labConnection,
    settings: new ConnectionSettings(options.dataDir, options.rootKey),
    pool,
    activity,
    observe: options.observe
  })
  const kms = createKmsService(session, options.observe)
  return {
    session,
    activity,
    kms,
    app: createAppService(session, options.version, activity),
    lab: createLabService(session),
    importTools: createImportToolsService(session),
    connections,
    // The catalog reads through the observed KMS API, so the audit log sees each call as AWS
    // CloudTrail would.
    catalog: createCatalogService(session, kms),
    iam: createIamService(session),
    endpoint: createEndpointService(session, {
      version: options.version,
      observe: options.observe
    }),
    audit: createAuditService(options.audit),
    close() {
      activity.close()
      pool.destroy()
    }
  }
}

// The console's active connection: which backend serves KMS calls, in which region. Switching
// connections (lab, AWS profiles, custom endpoints) replaces the backend here.
import type { ConnectionInfo } from '../../shared/ipc/app-api'
import type { KmsBackend } from '../backends/backend'
import type { LabEngine } from '../backends/local/engine'

export interface Connection {
  backend: KmsBackend
  label: string
  accountId?: string
  /** Present when the connection is the local lab. */
  lab?: LabEngine
}

export class Session {
  /** On the lab: the principal the console acts as (lab-admin when unset). */
  principalArn?: string

  constructor(
    private connection: Connection,
    public region: string
  ) {}

  get backend(): KmsBackend {
    return this.connection.backend
  }

  get lab(): LabEngine | undefined {
    return this.connection.lab
  }

  get label(): string {
    return this.connection.label
  }

  use(connection: Connection, region?: string): void {
    this.connection = connection
    this.principalArn = undefined
    if (region) this.region = region
  }

  info(): ConnectionInfo {
    return {
      kind: this.connection.backend.kind,
      label: this.connection.label,
      region: this.region,
      accountId: this.connection.accountId ?? this.connection.lab?.accountId,
      capabilities: { labClock: this.connection.lab !== undefined }
    }
  }
}

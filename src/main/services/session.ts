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
  /** The saved connection's id (connections API). */
  id?: string
  /** The AWS profile it signs with, and its custom endpoint, if any. */
  profile?: string
  endpoint?: string
}

export class Session {
  /** Told when the region changes (the connections service remembers it per connection). */
  onRegionChange?: (region: string) => void
  /** On the lab: the principal the console acts as (lab-admin when unset). */
  principalArn?: string

  constructor(
    private connection: Connection,
    private currentRegion: string
  ) {}

  get region(): string {
    return this.currentRegion
  }

  set region(region: string) {
    this.currentRegion = region
    this.onRegionChange?.(region)
  }

  get backend(): KmsBackend {
    return this.connection.backend
  }

  get lab(): LabEngine | undefined {
    return this.connection.lab
  }

  get label(): string {
    return this.connection.label
  }

  /** The active connection itself. */
  get current(): Connection {
    return this.connection
  }

  use(connection: Connection, region?: string): void {
    this.connection = connection
    this.principalArn = undefined
    if (region) this.currentRegion = region
  }

  info(): ConnectionInfo {
    const c = this.connection
    return {
      kind: c.backend.kind,
      label: c.label,
      region: this.region,
      accountId: c.accountId ?? c.lab?.accountId,
      capabilities: { labClock: c.lab !== undefined },
      ...(c.id ? { id: c.id } : {}),
      ...(c.profile ? { profile: c.profile } : {}),
      ...(c.endpoint ? { endpoint: c.endpoint } : {})
    }
  }
}

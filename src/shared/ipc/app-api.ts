// The console's own API: which backend is active, its region, and what it can do.

export type BackendKind = 'lab' | 'aws'

export interface ConnectionInfo {
  kind: BackendKind
  /** What the top bar shows, e.g. "Local lab" or "AWS · default". */
  label: string
  region: string
  accountId?: string
  /** Things only some backends can do; the UI hides what is false. */
  capabilities: { labClock: boolean }
}

export interface AppInfo {
  version: string
  connection: ConnectionInfo
  regions: string[]
}

export interface AppApi {
  getInfo(input: Record<string, never>): Promise<AppInfo>
  setRegion(input: { region: string }): Promise<ConnectionInfo>
}

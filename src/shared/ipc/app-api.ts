// The console's own API: which backend is active, its region, what it can do, and what main is
// busy with (progress of long listings, MFA prompts) for the renderer to show.

export type BackendKind = 'lab' | 'aws'

export interface ConnectionInfo {
  kind: BackendKind
  /** What the top bar shows, e.g. "Local lab" or "AWS · default". */
  label: string
  region: string
  accountId?: string
  /** Things only some backends can do; the UI hides what is false. */
  capabilities: { labClock: boolean }
  /** The saved connection this is (connections API). */
  id?: string
  /** The AWS profile the connection signs with, if any. */
  profile?: string
  /** A custom KMS endpoint, when the connection does not talk to AWS's own. */
  endpoint?: string
}

export interface AppInfo {
  version: string
  connection: ConnectionInfo
  regions: string[]
}

/** A role assumption waiting for an MFA code (profile with mfa_serial). */
export interface MfaPrompt {
  id: string
  profile: string
  mfaSerial: string
}

/** A long-running listing in main, e.g. describing every key of a region. */
export interface ProgressTask {
  id: string
  label: string
  done: number
  total?: number
}

export interface ConsoleActivity {
  /** Grows on every change; pass it back as `after` to wait for the next one. */
  version: number
  prompts: MfaPrompt[]
  tasks: ProgressTask[]
}

export interface AppApi {
  getInfo(input: Record<string, never>): Promise<AppInfo>
  setRegion(input: { region: string }): Promise<ConnectionInfo>
  /** Answers at once when the activity changed since `after`, else within ~20 s with no change. */
  watchActivity(input: { after: number }): Promise<ConsoleActivity>
}

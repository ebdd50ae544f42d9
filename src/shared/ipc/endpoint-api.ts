// The lab's KMS endpoint as the console controls it (the same endpoint as `keylab serve`):
// start it, stop it, and what to paste into a terminal to use it.

export interface EndpointStatus {
  running: boolean
  /** Where it listens, or will listen once started. */
  host: string
  port: number
  /** Set while running. */
  url?: string
  /** The region the snippets use (any region works: it comes from each request's signature). */
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  /** `aws configure set ...` lines for a `keylab` profile, and a one-line example. */
  awsConfigure?: string
  example?: string
  /** Why the endpoint cannot run here (e.g. the console is not on the lab). */
  unavailable?: string
}

export interface StartEndpointInput {
  /** Default 4599. */
  port?: number
}

export interface EndpointApi {
  status(input: Record<string, never>): Promise<EndpointStatus>
  start(input: StartEndpointInput): Promise<EndpointStatus>
  stop(input: Record<string, never>): Promise<EndpointStatus>
}

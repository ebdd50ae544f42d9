// The SDK clients of every AWS connection, cached per (credentials, region, endpoint), and one
// credential provider per credential source, so that a profile's role is assumed (and its MFA
// code asked) once for all its regions. Adaptive retry: the SDK backs off when KMS throttles.
import { KMSClient } from '@aws-sdk/client-kms'
import { STSClient } from '@aws-sdk/client-sts'
import type { NewCredentials } from '../../../shared/ipc/connections-api'
import { credentialProvider, type CredentialOptions, type CredentialProvider } from './credentials'

export interface AwsTarget {
  /** One provider per key: `profile:<name>`, `environment`, or `static:<connection id>`. */
  credentialsKey: string
  credentials: NewCredentials
  /** A custom endpoint (LocalStack, moto, KeyLab's endpoint); AWS's own when absent. */
  endpoint?: string
}

export interface PoolOptions extends CredentialOptions {
  userAgent?: string
}

export function credentialsKeyOf(credentials: NewCredentials, connectionId: string): string {
  if (credentials.type === 'profile') return `profile:${credentials.profile}`
  if (credentials.type === 'environment') return 'environment'
  return `static:${connectionId}`
}

export class AwsClientPool {
  private readonly clients = new Map<string, KMSClient>()
  private readonly stsClients = new Map<string, STSClient>()
  private readonly providers = new Map<string, CredentialProvider>()

  constructor(private readonly options: PoolOptions) {}

  provider(target: AwsTarget): CredentialProvider {
    let provider = this.providers.get(target.credentialsKey)
    if (!provider) {
      provider = credentialProvider(target.credentials, this.options)
      this.providers.set(target.credentialsKey, provider)
    }
    return provider
  }

  client(target: AwsTarget, region: string): KMSClient {
    const key = [target.credentialsKey, region, target.endpoint ?? ''].join('\n')
    let client = this.clients.get(key)
    if (!client) {
      client = new KMSClient({
        region,
        ...(target.endpoint ? { endpoint: target.endpoint } : {}),
        credentials: this.provider(target),
        retryMode: 'adaptive',
        maxAttempts: 3,
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
        ...(this.options.userAgent ? { customUserAgent: this.options.userAgent } : {})
      })
      this.clients.set(key, client)
    }
    return client
  }

  /**
   * STS with the same credentials, for GetCallerIdentity: AWS's regional STS endpoint, or the
   * connection's custom endpoint (moto and LocalStack answer STS there; KeyLab's does not).
   */
  sts(target: AwsTarget, region: string): STSClient {
    const key = [target.credentialsKey, region, target.endpoint ?? ''].join('\n')
    let client = this.stsClients.get(key)
    if (!client) {
      client = new STSClient({
        region,
        ...(target.endpoint ? { endpoint: target.endpoint } : {}),
        credentials: this.provider(target),
        maxAttempts: 2,
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000 },
        ...(this.options.userAgent ? { customUserAgent: this.options.userAgent } : {})
      })
      this.stsClients.set(key, client)
    }
    return client
  }

  /** Drops the clients and provider of a credential source (a removed connection). */
  forget(credentialsKey: string): void {
    this.providers.delete(credentialsKey)
    for (const clients of [this.clients, this.stsClients] as Array<
      Map<string, KMSClient | STSClient>
    >) {
      for (const [key, client] of clients) {
        if (key.startsWith(`${credentialsKey}\n`)) {
          client.destroy()
          clients.delete(key)
        }
      }
    }
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy()
    for (const client of this.stsClients.values()) client.destroy()
    this.clients.clear()
    this.stsClients.clear()
    this.providers.clear()
  }
}

// The console's control of the lab's KMS endpoint: one endpoint at a time, on loopback, with the
// lab's stored credentials and the same observer (audit log) as the console's own calls.
import { LabBusyException, UnsupportedOperationException } from '../../shared/errors'
import type { EndpointApi, EndpointStatus } from '../../shared/ipc/endpoint-api'
import type { CallObserver } from '../backends/call-record'
import { storedCredentials } from '../http/credentials'
import { DEFAULT_HOST, DEFAULT_PORT, startEndpoint, type Endpoint } from '../http/server'
import { endpointSnippets } from '../http/snippets'
import type { Session } from './session'

export interface EndpointService extends EndpointApi {
  /** Stops the endpoint if it runs (app shutdown). */
  close(): Promise<void>
}

export interface EndpointServiceOptions {
  version: string
  observe?: CallObserver
}

export function createEndpointService(
  session: Session,
  options: EndpointServiceOptions
): EndpointService {
  let endpoint: Endpoint | undefined
  let port = DEFAULT_PORT

  const status = (): EndpointStatus => {
    const base = { running: false, host: DEFAULT_HOST, port, region: session.region }
    if (!endpoint) {
      return session.lab
        ? base
        : { ...base, unavailable: 'Only the local lab can be served as an endpoint.' }
    }
    const credential = endpoint.credentials.primary
    return {
      ...base,
      running: true,
      port: endpoint.port,
      url: endpoint.url,
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      ...endpointSnippets(endpoint.url, session.region, credential)
    }
  }

  const close = async (): Promise<void> => {
    const running = endpoint
    endpoint = undefined
    await running?.close()
  }

  return {
    async status() {
      return status()
    },
    async start(input) {
      const engine = session.lab
      if (!engine)
        throw new UnsupportedOperationException('Only the local lab can be served as an endpoint.')
      if (endpoint) return status()
      port = input.port ?? DEFAULT_PORT
      try {
        endpoint = await startEndpoint({
          engine,
          credentials: await storedCredentials(engine),
          host: DEFAULT_HOST,
          port,
          observe: options.observe,
          version: options.version
        })
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new LabBusyException(
            `Port ${port} on ${DEFAULT_HOST} is already in use; choose another port.`
          )
        }
        throw e
      }
      return status()
    },
    async stop() {
      await close()
      return status()
    },
    close
  }
}

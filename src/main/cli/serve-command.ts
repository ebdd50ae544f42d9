// `keylab serve`: the lab as an AWS-compatible KMS endpoint for the aws CLI and every AWS SDK.
// Prints the URL, the credentials and ready-to-paste aws commands; on SIGINT/SIGTERM it stops
// accepting, lets in-flight requests finish (each on record in the audit log), then closes the
// audit log and the lab store.
import { isIP } from 'node:net'
import { parseArgs } from 'node:util'
import { AuditLog, auditObserver, ServiceEventRelay } from '../audit'
import type { Lab } from '../backends/local/lab'
import { createAuthorizer } from '../backends/local/policy/authorizer'
import { endpointCredentials, parseCredentialsArg } from '../http/credentials'
import { DEFAULT_HOST, DEFAULT_PORT, startEndpoint, type Endpoint } from '../http/server'
import { endpointSnippets } from '../http/snippets'
import { VERSION } from '../version'
import { LAB_ARG_SPEC, openLabFromArgs } from './options'
import { onShutdown } from './shutdown'

function parsePort(text: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535)
    throw new Error(`--port must be 0 to 65535, not '${text}'`)
  return port
}

function listenError(e: unknown, host: string, port: number): Error {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE') {
    return new Error(
      `port ${port} on ${host} is already in use (another keylab serve?); choose one with --port`
    )
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new Error(`cannot listen on ${host}: it is not an address of this machine`)
  }
  return e as Error
}

export async function serveCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...LAB_ARG_SPEC,
      host: { type: 'string' },
      port: { type: 'string' },
      credentials: { type: 'string' },
      'allow-reset': { type: 'boolean' }
    },
    strict: true
  })
  const host = values.host ?? DEFAULT_HOST
  if (host !== 'localhost' && !isIP(host))
    throw new Error(`--host must be an IP address, not '${host}'`)
  const port = parsePort(values.port ?? String(DEFAULT_PORT))
  if (values.credentials !== undefined) parseCredentialsArg(values.credentials)

  const relay = new ServiceEventRelay()
  const { lab, region } = await openLabFromArgs(values, {
    authorize: createAuthorizer(),
    onServiceEvent: relay.listener
  })
  let endpoint: Endpoint
  let audit: AuditLog | undefined
  try {
    audit = AuditLog.open({ dataDir: lab.dataDir, rootKey: lab.rootKey })
    relay.attach(audit)
    const credentials = await endpointCredentials(lab.engine, values.credentials)
    endpoint = await startEndpoint({
      engine: lab.engine,
      credentials,
      observe: auditObserver(audit),
      host,
      port,
      allowReset: values['allow-reset'] ?? false,
      version: VERSION
    }).catch((e) => {
      throw listenError(e, host, port)
    })
  } catch (e) {
    await audit?.close()
    await lab.close()
    throw e
  }
  printBanner(lab, endpoint, region, values['allow-reset'] ?? false)
  const log = audit
  onShutdown(async () => {
    // In-flight requests finish (and are on record) before the log's final checkpoint.
    await endpoint.close()
    await log.close()
    await lab.close()
  })
}

function printBanner(lab: Lab, endpoint: Endpoint, region: string, allowReset: boolean): void {
  const credential = endpoint.credentials.primary
  const snippets = endpointSnippets(endpoint.url, region, credential)
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(endpoint.host)
  console.log(`KeyLab ${VERSION}: the lab at ${lab.dataDir} as an AWS KMS endpoint`)
  console.log(`Endpoint: ${endpoint.url}`)
  console.log(
    `Account:  ${lab.engine.accountId} (keys live per region; the region comes from each request's signature)`
  )
  console.log(`AWS_ACCESS_KEY_ID=${credential.accessKeyId}`)
  console.log(`AWS_SECRET_ACCESS_KEY=${credential.secretAccessKey}`)
  if (!loopback) {
    console.log(
      `Warning: listening on ${endpoint.host}, not loopback: anyone who can reach it and has the credentials can use this lab.`
    )
  }
  console.log(
    `Reset (POST ${endpoint.url}/_keylab/reset): ${allowReset ? 'allowed' : 'off (start with --allow-reset)'}`
  )
  console.log(`\nTry it:\n  ${snippets.example}`)
  console.log(`\nOr as an aws CLI profile:\n${snippets.awsConfigure.replace(/^/gm, '  ')}`)
  console.log('\nStop with Ctrl+C.')
}

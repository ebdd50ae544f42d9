// A loopback HTTP server standing in for a remote AWS service (STS, the SSO portal, a throttling
// KMS) in tests: it records every request and answers with what the test gives it.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StubRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export interface StubResponse {
  status?: number
  headers?: Record<string, string>
  body: string
}

export interface Stub {
  url: string
  requests: StubRequest[]
  close(): Promise<void>
}

export async function startStub(
  answer: (req: StubRequest, index: number) => StubResponse
): Promise<Stub> {
  const requests: StubRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const recorded: StubRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(recorded)
      const out = answer(recorded, requests.length - 1)
      res.writeHead(out.status ?? 200, out.headers ?? {})
      res.end(out.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** STS's AssumeRole answer, as AWS writes it (Query protocol, XML). */
export function assumeRoleXml(roleArn: string, accessKeyId: string, requestId: string): string {
  const [, , , , account, resource] = roleArn.split(':')
  const role = resource.replace('role/', '')
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:keylab</AssumedRoleId>
      <Arn>arn:aws:sts::${account}:assumed-role/${role}/keylab</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${accessKeyId}</AccessKeyId>
      <SecretAccessKey>secret-of-${accessKeyId}</SecretAccessKey>
      <SessionToken>token-of-${accessKeyId}</SessionToken>
      <Expiration>${new Date(Date.now() + 3600_000).toISOString()}</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>`
}

/** STS's GetCallerIdentity answer, as AWS writes it (Query protocol, XML). */
export function callerIdentityXml(arn: string, requestId: string): string {
  const account = arn.split(':')[4]
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>${arn}</Arn>
    <UserId>AIDASAMPLEUSERID</UserId>
    <Account>${account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>`
}

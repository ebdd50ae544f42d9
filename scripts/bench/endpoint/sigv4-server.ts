// The ceiling with the lab's signature check in front of it: the bare server's fixed answers,
// given only after the request's SigV4 signature is verified by the lab's own verifySignature
// (src/main/http/sigv4.ts, @smithy/signature-v4 inside), as `keylab serve` verifies it. Next to
// the bare ceiling, it shows what checking a signature alone costs a Node server on one core:
// a floor under the lab's endpoint that no KMS work (and no audit record) goes below. A request
// that does not verify is answered 403, so a broken setup shows up as errors, not as speed.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CredentialSet } from '../../../src/main/http/credentials'
import { verifySignature } from '../../../src/main/http/sigv4'

const responses = JSON.parse(readFileSync(process.env.BARE_RESPONSES as string, 'utf8')) as Record<
  string,
  string
>
const [accessKeyId, secretAccessKey] = (process.env.BENCH_CREDENTIALS as string).split(':')
const credentials = new CredentialSet([{ accessKeyId, secretAccessKey }])

function answer(res: import('node:http').ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': '00000000-0000-4000-8000-000000000000'
  })
  res.end(body)
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const signed = {
      method: req.method ?? 'POST',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks)
    }
    verifySignature(signed, credentials).then(
      () => answer(res, 200, responses[String(req.headers['x-amz-target'])] ?? '{}'),
      (e: Error) => answer(res, 403, JSON.stringify({ __type: e.name, message: e.message }))
    )
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () =>
  console.log(`sigv4 listening on ${(server.address() as AddressInfo).port}`)
)
// An exit of its own on SIGTERM, so that a CPU profile asked for is written.
process.on('SIGTERM', () => process.exit(0))

// Where an endpoint request's time goes, stage by stage, in-process: the SigV4 check (smithy's
// signer), the JSON 1.1 decode, the engine's Encrypt (authorized as `keylab serve` does), the response
// encode, the audit record's build, and a durable audit append (16 writers, group commit). The
// sum beside the server CPU per op of `npm run bench:endpoint` shows what the HTTP layer costs.
import { randomBytes, randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { SignatureV4 } from '@smithy/signature-v4'
import { AuditLog } from '../../src/main/audit/audit-log'
import { canonicalJson } from '../../src/main/audit/canonical-json'
import { recordFromCall } from '../../src/main/audit/record-builder'
import { leanRecord } from '../../src/main/audit/stored-record'
import { createAuthorizer } from '../../src/main/backends/local/policy/authorizer'
import type { CallRecord } from '../../src/main/backends/call-record'
import { decodeInput, encodeOutput } from '../../src/main/http/codec'
import { CredentialSet } from '../../src/main/http/credentials'
import { Sha256 } from '../../src/main/http/sha256'
import { verifySignature } from '../../src/main/http/sigv4'
import { openTestLab, tempDir } from '../../tests/helpers/lab'
import { measure, table, type Figure } from './measure'

const CREDENTIALS = { accessKeyId: 'KEYLABBENCHMARK00001', secretAccessKey: 'parts-secret' }
const REGION = 'us-east-1'

async function main(): Promise<void> {
  const dir = tempDir('keylab-bench-parts-')
  const lab = openTestLab(dir, { tickIntervalMs: 0, authorize: createAuthorizer() })
  const audit = AuditLog.open({ dataDir: lab.dataDir, rootKey: lab.rootKey })
  try {
    const { KeyMetadata } = await lab.engine.call('CreateKey', {}, { region: REGION })
    const keyId = KeyMetadata?.KeyId as string
    const plaintext = randomBytes(4096)
    const body = Buffer.from(
      JSON.stringify({ KeyId: keyId, Plaintext: plaintext.toString('base64') })
    )
    const signer = new SignatureV4({
      credentials: CREDENTIALS,
      region: REGION,
      service: 'kms',
      sha256: Sha256,
      applyChecksum: false
    })
    const headers = {
      host: '127.0.0.1:4599',
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'TrentService.Encrypt'
    }
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4599,
      path: '/',
      query: {},
      headers,
      body
    })
    const lower = Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])
    )
    const request = { method: 'POST', url: '/', headers: lower, body }
    const credentials = new CredentialSet([CREDENTIALS])
    const input = decodeInput(body)
    const context = { region: REGION }
    const output = await lab.engine.call('Encrypt', input, context)
    const call = (): CallRecord => ({
      operation: 'Encrypt',
      input,
      output,
      region: REGION,
      startedAt: Date.now(),
      labTime: Date.now(),
      requestId: randomUUID(),
      accessKeyId: CREDENTIALS.accessKeyId,
      accountId: lab.engine.accountId,
      sourceIp: '127.0.0.1',
      userAgent: 'bench',
      backend: { kind: 'lab', label: 'Local lab' },
      via: 'endpoint'
    })

    const figures: Figure[] = [
      await measure('SigV4 check (smithy)', () => verifySignature(request, credentials)),
      await measure('decode JSON 1.1 body', () => decodeInput(body)),
      await measure('engine Encrypt 4 KB', () => lab.engine.call('Encrypt', input, context)),
      await measure('encode response', () => encodeOutput(output)),
      await measure('audit record build', () =>
        canonicalJson(leanRecord(recordFromCall(call(), randomUUID())))
      )
    ]
    const appends = await durableAppends(audit, call, 16, 1500)
    const rows = figures.map((f) => ({ stage: f.name, 'µs/op': f.meanUs }))
    rows.push({ stage: 'durable audit append (16 writers)', 'µs/op': 1e6 / appends })
    rows.push({
      stage: 'sum',
      'µs/op': rows.reduce((s, r) => s + (r['µs/op'] as number), 0)
    })
    table(rows)
  } finally {
    await audit.close()
    await lab.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function durableAppends(
  log: AuditLog,
  call: () => CallRecord,
  writers: number,
  ms: number
): Promise<number> {
  let n = 0
  const end = Date.now() + ms
  const start = performance.now()
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < end) {
        await log.recordCall(call())
        n++
      }
    })
  )
  return n / ((performance.now() - start) / 1000)
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})

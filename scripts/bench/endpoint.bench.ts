// `npm run bench:endpoint`: the lab endpoint against moto_server and a bare Node http server (the
// ceiling for any Node server), in one run on this machine; the ceiling is run a second time behind
// the lab's own SigV4 check, the part of a request no KMS work goes below. Servers run pinned to one core, the
// client to the other; the main client writes pre-signed raw requests over keep-alive sockets
// (16 in flight), and the real @aws-sdk/client-kms runs alongside for comparison. Reports ops/s,
// p50/p99 latency and the server's CPU time per operation, with ratios to moto and the ceiling.
// Options: --seconds N (measured time per run, default 3), --only NAME (workloads whose name
// contains NAME), --no-moto. KEYLAB_BENCH_CPU_PROF=DIR writes a V8 CPU profile of the lab server.
import { execFileSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { Agent } from 'node:http'
import { connect } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { KMSClient } from '@aws-sdk/client-kms'
import { SignatureV4 } from '@smithy/signature-v4'
import { encodeOutput } from '../../src/main/http/codec'
import { Sha256 } from '../../src/main/http/sha256'
import { table } from './measure'
import { percentile, runRaw, type RunResult } from './endpoint/raw-client'
import {
  cpuMs,
  motoAvailable,
  startBare,
  startLab,
  startMoto,
  startSigv4,
  type Server
} from './endpoint/servers'
import { command, WORKLOADS, type Prepared, type Workload } from './endpoint/workloads'

const ROOT = join(__dirname, '..', '..')
const CONCURRENCY = 16
const CLIENT_CPU = 0
const SERVER_CPU = 1
const CREDENTIALS = {
  accessKeyId: 'KEYLABBENCHMARK00001',
  secretAccessKey: 'endpoint-benchmark-secret'
}
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string' },
    only: { type: 'string' },
    'no-moto': { type: 'boolean' }
  },
  strict: false
})
const SECONDS = Number(args.seconds ?? 3)
const WARMUP = Math.min(1, SECONDS / 3)

interface Figures {
  opsPerSec: number
  p50Ms: number
  p99Ms: number
  cpuUsPerOp?: number
  errors: number
  note?: string
}

type Row = { workload: string; server: string; client: 'raw' | 'sdk' } & Figures
const rows: Row[] = []
const notes: string[] = []

function figures(r: RunResult, cpuDeltaMs?: number): Figures {
  const sorted = r.latenciesUs.sort((a, b) => a - b)
  return {
    opsPerSec: r.ops / r.seconds,
    p50Ms: percentile(sorted, 50) / 1000,
    p99Ms: percentile(sorted, 99) / 1000,
    cpuUsPerOp: cpuDeltaMs === undefined || !r.ops ? undefined : (cpuDeltaMs * 1000) / r.ops,
    errors: r.errors,
    note: r.firstError
  }
}

/** The request as the SDK would sign it, as raw HTTP/1.1 bytes. */
async function rawRequest(port: number, op: string, prepared: Prepared): Promise<Buffer> {
  const host = `127.0.0.1:${port}`
  const body = encodeOutput(prepared.input)
  const signer = new SignatureV4({
    credentials: CREDENTIALS,
    region: prepared.region,
    service: 'kms',
    sha256: Sha256,
    applyChecksum: false
  })
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    path: '/',
    query: {},
    headers: {
      host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `TrentService.${op}`,
      'content-length': String(Buffer.byteLength(body))
    },
    body
  })
  const head = Object.entries(signed.headers).map(([k, v]) => `${k}: ${v}`)
  return Buffer.from(`POST / HTTP/1.1\r\n${head.join('\r\n')}\r\n\r\n${body}`)
}

/** One raw request; resolves with the response body (the ceiling answers the same). */
function once(port: number, request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(request))
    let buf: Buffer = Buffer.alloc(0)
    s.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c])
      const end = buf.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = buf.toString('latin1', 0, end)
      const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0)
      if (buf.length < end + 4 + length) return
      s.destroy()
      const body = buf.toString('utf8', end + 4, end + 4 + length)
      if (head.startsWith('HTTP/1.1 200')) resolve(body)
      else reject(new Error(`${head.split('\r\n')[0]}: ${body}`))
    })
    s.on('error', reject)
  })
}

/** An SDK client; setup clients retry, and wait long (moto_server answers CreateKey slowly). */
function sdkClient(port: number, region: string, maxAttempts = 1): KMSClient {
  return new KMSClient({
    endpoint: `http://127.0.0.1:${port}`,
    region,
    credentials: { ...CREDENTIALS },
    maxAttempts,
    requestHandler: {
      httpAgent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }),
      requestTimeout: 300_000,
      throwOnRequestTimeout: true
    }
  })
}

async function runSdk(client: KMSClient, op: string, input: unknown): Promise<RunResult> {
  const start = performance.now()
  const measureFrom = start + WARMUP * 1000
  const stopAt = measureFrom + SECONDS * 1000
  const result: RunResult = { ops: 0, errors: 0, seconds: SECONDS, latenciesUs: [] }
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < stopAt) {
        const t = performance.now()
        let ok = true
        try {
          await client.send(command(op, input))
        } catch (e) {
          ok = false
          result.firstError ??= `${(e as Error).name}: ${(e as Error).message}`
        }
        const now = performance.now()
        if (t >= measureFrom && now <= stopAt) {
          if (ok) {
            result.ops++
            result.latenciesUs.push((now - t) * 1000)
          } else result.errors++
        }
      }
    })
  )
  return result
}

async function measureServer(
  server: Server,
  workloads: Workload[],
  withSdk: boolean,
  responses?: Record<string, string>
): Promise<void> {
  for (const w of workloads) {
    const clients = new Map<string, KMSClient>()
    const client = (region: string): KMSClient => {
      if (!clients.has(region)) clients.set(region, sdkClient(server.port, region, 3))
      return clients.get(region) as KMSClient
    }
    const prepared = await w.prepare(client)
    const request = await rawRequest(server.port, w.op, prepared)
    if (responses) responses[`TrentService.${w.op}`] = await once(server.port, request)
    const before = cpuMs(server.pid)
    const raw = await runRaw(server.port, request, CONCURRENCY, SECONDS, WARMUP)
    // CPU is sampled over the whole run (warm-up included), so scale it to the measured share.
    const share = SECONDS / (SECONDS + WARMUP)
    rows.push({
      workload: w.name,
      server: server.name,
      client: 'raw',
      ...figures(raw, (cpuMs(server.pid) - before) * share)
    })
    if (withSdk) {
      rows.push({
        workload: w.name,
        server: server.name,
        client: 'sdk',
        ...figures(await runSdk(client(prepared.region), w.op, prepared.input))
      })
    }
    for (const c of clients.values()) c.destroy()
    console.log(`  ${server.name}: ${w.name} done`)
  }
}

/** fdatasync latency of the data dir's disk: the floor under every durable write. */
function fdatasyncMs(dir: string): number {
  const file = join(dir, 'fsync-probe')
  const fd = openSync(file, 'w')
  const start = performance.now()
  for (let i = 0; i < 20; i++) {
    writeSync(fd, 'x')
    fdatasyncSync(fd)
  }
  const ms = (performance.now() - start) / 20
  closeSync(fd)
  rmSync(file)
  return ms
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    console.log('skipped: keylab is not built (npm run bench:endpoint builds it first)')
    return
  }
  execFileSync('taskset', ['-a', '-p', '-c', String(CLIENT_CPU), String(process.pid)], {
    stdio: 'ignore'
  })
  const work = mkdtempSync(join(tmpdir(), 'keylab-bench-'))
  const only = typeof args.only === 'string' ? args.only.toLowerCase() : undefined
  const workloads = WORKLOADS.filter((w) => !only || w.name.toLowerCase().includes(only))
  console.log(
    `${cpus().length} cores (${cpus()[0]?.model}), node ${process.version}; client on cpu ${CLIENT_CPU}, servers on cpu ${SERVER_CPU}`
  )
  console.log(
    `concurrency ${CONCURRENCY}, ${SECONDS}s measured after ${WARMUP}s warm-up per run; fdatasync on the lab's disk: ${fdatasyncMs(work).toFixed(2)} ms`
  )
  const responses: Record<string, string> = {}
  try {
    const lab = await startLab(
      ROOT,
      join(work, 'lab'),
      `${CREDENTIALS.accessKeyId}:${CREDENTIALS.secretAccessKey}`,
      SERVER_CPU
    )
    const health = await sdkHealth(lab.port)
    const served = workloads.filter((w) => {
      const missing = w.needs.filter((op) => !health.includes(op))
      if (missing.length)
        notes.push(
          `${w.name}: skipped, the lab engine does not implement ${missing.join(', ')} yet`
        )
      return !missing.length
    })
    try {
      await measureServer(lab, served, true, responses)
    } finally {
      await lab.stop()
    }
    const noMoto = args['no-moto'] ? 'left out (--no-moto)' : motoAvailable()
    if (noMoto) notes.push(`moto: skipped, ${noMoto}`)
    else {
      const moto = await startMoto(4580 + Math.floor(Math.random() * 300), SERVER_CPU)
      try {
        await measureServer(moto, served, true)
      } finally {
        await moto.stop()
      }
    }
    const file = join(work, 'responses.json')
    writeFileSync(file, JSON.stringify(responses))
    const bare = await startBare(file, SERVER_CPU)
    try {
      await measureServer(bare, served, false)
    } finally {
      await bare.stop()
    }
    const sigv4 = await startSigv4(
      file,
      `${CREDENTIALS.accessKeyId}:${CREDENTIALS.secretAccessKey}`,
      SERVER_CPU
    )
    try {
      await measureServer(sigv4, served, false)
    } finally {
      await sigv4.stop()
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  report()
}

async function sdkHealth(port: number): Promise<string[]> {
  const signer = new SignatureV4({
    credentials: CREDENTIALS,
    region: 'us-east-1',
    service: 'kms',
    sha256: Sha256,
    applyChecksum: false
  })
  const host = `127.0.0.1:${port}`
  const signed = await signer.sign({
    method: 'GET',
    protocol: 'http:',
    hostname: '127.0.0.1',
    path: '/_keylab/health',
    query: {},
    headers: { host }
  })
  const res = await fetch(`http://${host}/_keylab/health`, { headers: signed.headers })
  return ((await res.json()) as { operations: string[] }).operations
}

function report(): void {
  const find = (w: string, server: string, client = 'raw') =>
    rows.find((r) => r.workload === w && r.server === server && r.client === client)
  const ratio = (a?: number, b?: number): string =>
    a && b ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}x` : '—'
  console.log('')
  table(
    rows.map((r) => ({
      workload: r.workload,
      server: r.server,
      client: r.client,
      'ops/s': r.opsPerSec,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'server CPU µs/op': r.cpuUsPerOp ?? '—',
      errors: r.errors,
      'vs moto':
        r.server === 'lab' ? ratio(r.opsPerSec, find(r.workload, 'moto', r.client)?.opsPerSec) : '',
      'vs ceiling':
        (r.server === 'lab' || r.server === 'bare + SigV4') && r.client === 'raw'
          ? `${((r.opsPerSec / (find(r.workload, 'bare node')?.opsPerSec ?? NaN)) * 100).toFixed(0)}%`
          : ''
    }))
  )
  const targets: Array<[string, number, number]> = [
    ['CreateKey', 100, 0],
    ['Encrypt 4 KB', 20, 50],
    ['Decrypt', 20, 50],
    ['GenerateDataKey', 20, 50]
  ]
  console.log('\nTargets (raw client):')
  for (const [w, vsMoto, vsCeiling] of targets) {
    const lab = find(w, 'lab')
    if (!lab) {
      console.log(`  ${w}: not measured`)
      continue
    }
    const moto = find(w, 'moto')?.opsPerSec
    const ceiling = find(w, 'bare node')?.opsPerSec
    const m = moto ? lab.opsPerSec / moto : NaN
    const c = ceiling ? (lab.opsPerSec / ceiling) * 100 : NaN
    const signed = find(w, 'bare + SigV4')?.opsPerSec
    const floor =
      signed && ceiling
        ? ` (the SigV4 check alone leaves ${((signed / ceiling) * 100).toFixed(0)}%)`
        : ''
    const parts = [
      moto
        ? `${m.toFixed(1)}x moto (target ${vsMoto}x: ${m >= vsMoto ? 'met' : 'NOT met'})`
        : `moto not measured (target ${vsMoto}x)`
    ]
    if (vsCeiling)
      parts.push(
        `${c.toFixed(0)}% of the ceiling (target ${vsCeiling}%: ${c >= vsCeiling ? 'met' : 'NOT met'})${floor}`
      )
    console.log(`  ${w}: ${parts.join(', ')}`)
  }
  for (const r of rows.filter((x) => x.errors))
    notes.push(`${r.workload} on ${r.server} (${r.client}): ${r.errors} errors, first: ${r.note}`)
  if (notes.length) console.log(`\nNotes:\n${notes.map((n) => `  ${n}`).join('\n')}`)
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})

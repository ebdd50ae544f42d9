// The servers of the endpoint benchmark, each pinned to its own core with taskset: the lab
// (`keylab serve`), moto_server, a bare Node http server answering fixed JSON (the ceiling), and
// the same answers behind the lab's SigV4 check (sigv4-server.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { join } from 'node:path'

export interface Server {
  name: string
  port: number
  pid: number
  stop(): Promise<void>
}

const TICK_MS = 1000 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout || 100)

/** User + system CPU time of a process (all its threads), in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

function pinned(cpu: number, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn('taskset', ['-c', String(cpu), cmd, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  // Always drained: moto_server logs every request, and a full pipe would stall it.
  child.stdout?.resume()
  child.stderr?.resume()
  return child
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
}

function waitFor(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), 60_000)
    const onData = (c: Buffer): void => {
      out += c
      const m = pattern.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}):\n${out}`)))
  })
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection(port, '127.0.0.1', () => {
      s.destroy()
      resolve(true)
    })
    s.on('error', () => resolve(false))
  })
}

/** KEYLAB_BENCH_CPU_PROF=DIR writes a V8 CPU profile of the lab (and SigV4) server there. */
function cpuProfile(): string[] {
  const dir = process.env.KEYLAB_BENCH_CPU_PROF
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []
}

export async function startLab(
  root: string,
  dataDir: string,
  credentials: string,
  cpu: number
): Promise<Server> {
  const child = pinned(
    cpu,
    process.execPath,
    [
      ...cpuProfile(),
      join(root, 'bin', 'keylab.js'),
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--credentials',
      credentials
    ],
    { ...process.env, KEYLAB_PASSPHRASE: 'endpoint benchmark' }
  )
  const m = await waitFor(child, /^Endpoint: http:\/\/127\.0\.0\.1:(\d+)$/m, 'keylab serve')
  return { name: 'lab', port: Number(m[1]), pid: child.pid as number, stop: stopper(child) }
}

export function motoAvailable(): string | undefined {
  const r = spawnSync('moto_server', ['--help'], { encoding: 'utf8' })
  return r.status === 0 ? undefined : 'moto_server is not installed (pip install "moto[server]")'
}

export async function startMoto(port: number, cpu: number): Promise<Server> {
  const child = pinned(cpu, 'moto_server', ['-H', '127.0.0.1', '-p', String(port)], process.env)
  const deadline = Date.now() + 60_000
  while (!(await portOpen(port))) {
    if (child.exitCode !== null) throw new Error('moto_server exited before listening')
    if (Date.now() > deadline) throw new Error('moto_server did not start')
    await new Promise((r) => setTimeout(r, 100))
  }
  return { name: 'moto', port, pid: child.pid as number, stop: stopper(child) }
}

/** The ceiling: reads the body, answers the response the lab gave for that X-Amz-Target. */
const BARE_SERVER = `
const http = require('node:http')
const responses = JSON.parse(require('node:fs').readFileSync(process.env.BARE_RESPONSES, 'utf8'))
const server = http.createServer((req, res) => {
  req.on('data', () => {})
  req.on('end', () => {
    const body = responses[req.headers['x-amz-target']] || '{}'
    res.writeHead(200, {
      'Content-Type': 'application/x-amz-json-1.1',
      'Content-Length': Buffer.byteLength(body),
      'x-amzn-RequestId': '00000000-0000-4000-8000-000000000000'
    })
    res.end(body)
  })
})
server.keepAliveTimeout = 60000
server.listen(0, '127.0.0.1', () => console.log('bare listening on ' + server.address().port))
`

export async function startBare(responsesFile: string, cpu: number): Promise<Server> {
  const child = pinned(cpu, process.execPath, ['-e', BARE_SERVER], {
    ...process.env,
    BARE_RESPONSES: responsesFile
  })
  const m = await waitFor(child, /bare listening on (\d+)/, 'bare node server')
  return { name: 'bare node', port: Number(m[1]), pid: child.pid as number, stop: stopper(child) }
}

/** The ceiling behind the lab's own SigV4 check (built as out/bench/endpoint-sigv4-server.cjs). */
export async function startSigv4(
  responsesFile: string,
  credentials: string,
  cpu: number
): Promise<Server> {
  const child = pinned(
    cpu,
    process.execPath,
    [...cpuProfile(), join(__dirname, 'endpoint-sigv4-server.cjs')],
    {
      ...process.env,
      BARE_RESPONSES: responsesFile,
      BENCH_CREDENTIALS: credentials
    }
  )
  const m = await waitFor(child, /sigv4 listening on (\d+)/, 'SigV4 server')
  return {
    name: 'bare + SigV4',
    port: Number(m[1]),
    pid: child.pid as number,
    stop: stopper(child)
  }
}

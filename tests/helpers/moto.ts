// moto_server on a free loopback port, as a stand-in for AWS KMS in tests (never the reference
// for behaviour: AWS is). Started detached so that stop() ends its whole process group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer, connect } from 'node:net'

export const MOTO_ACCOUNT_ID = '123456789012'
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' }

export interface Moto {
  endpoint: string
  stop(): Promise<void>
}

export function motoAvailable(): boolean {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort()
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' }
  })
  // Drained as it comes (a full pipe stalls moto_server), keeping only the latest lines.
  let log = ''
  child.stderr?.on('data', (c) => (log = (log + c).slice(-16_384)))
  let failed: Error | undefined
  child.once('error', (e) => (failed = e))
  const deadline = Date.now() + 30_000
  while (!(await reachable(port))) {
    if (failed) throw new Error(`moto_server did not start: ${failed.message}`)
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}):\n${log}`)
    if (Date.now() > deadline) throw new Error(`moto_server did not listen on ${port}:\n${log}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        try {
          process.kill(-(child.pid as number), 'SIGTERM')
        } catch {
          resolve()
        }
      })
  }
}

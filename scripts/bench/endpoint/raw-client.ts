// A client that costs little: pre-signed HTTP/1.1 requests written as raw bytes on keep-alive
// sockets, responses parsed only as far as status and Content-Length. Each of `concurrency`
// connections keeps one request in flight; latencies are recorded in the measured window only.
import { connect, type Socket } from 'node:net'

export interface RunResult {
  ops: number
  errors: number
  seconds: number
  latenciesUs: number[]
  firstError?: string
}

const HEADER_END = Buffer.from('\r\n\r\n')
const TIMEOUT_MS = 30_000

export function runRaw(
  port: number,
  request: Buffer,
  concurrency: number,
  seconds: number,
  warmupSeconds: number
): Promise<RunResult> {
  const start = performance.now()
  const measureFrom = start + warmupSeconds * 1000
  const stopAt = measureFrom + seconds * 1000
  const result: RunResult = { ops: 0, errors: 0, seconds, latenciesUs: [] }
  let open = concurrency

  return new Promise((resolve) => {
    const finish = (): void => {
      if (--open === 0) resolve(result)
    }
    for (let i = 0; i < concurrency; i++) loop()

    function loop(): void {
      let socket: Socket
      let buf: Buffer = Buffer.alloc(0)
      let sentAt = 0
      let timer: NodeJS.Timeout | undefined
      const send = (): void => {
        sentAt = performance.now()
        socket.write(request)
        // A server that never answers (or takes longer than any client would wait) costs an error, not
        // the run: the connection is dropped and opened again.
        clearTimeout(timer)
        timer = setTimeout(() => {
          result.errors++
          result.firstError ??= `no answer within ${TIMEOUT_MS} ms`
          socket.destroy()
        }, TIMEOUT_MS)
      }
      const reconnect = (): void => {
        buf = Buffer.alloc(0)
        socket = connect(port, '127.0.0.1', send)
        socket.setNoDelay(true)
        socket.on('data', onData)
        socket.on('error', () => undefined)
        socket.on('close', () => {
          clearTimeout(timer)
          if (performance.now() < stopAt) reconnect()
          else finish()
        })
      }
      const onData = (chunk: Buffer): void => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk
        for (;;) {
          const end = buf.indexOf(HEADER_END)
          if (end < 0) return
          const head = buf.toString('latin1', 0, end)
          const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0)
          if (buf.length < end + 4 + length) return
          const now = performance.now()
          clearTimeout(timer)
          const ok = head.startsWith('HTTP/1.1 200') || head.startsWith('HTTP/1.0 200')
          if (sentAt >= measureFrom && now <= stopAt) {
            if (ok) {
              result.ops++
              result.latenciesUs.push((now - sentAt) * 1000)
            } else result.errors++
          }
          if (!ok && !result.firstError) {
            result.firstError = `${head.split('\r\n')[0]} ${buf.toString('utf8', end + 4, end + 4 + Math.min(length, 300))}`
          }
          buf = buf.subarray(end + 4 + length)
          if (now >= stopAt) {
            socket.end()
            return
          }
          if (/\r\nconnection: *close/i.test(head)) return
          send()
        }
      }
      reconnect()
    }
  })
}

export function percentile(sortedUs: number[], p: number): number {
  if (!sortedUs.length) return NaN
  return sortedUs[Math.min(sortedUs.length - 1, Math.floor((p / 100) * sortedUs.length))]
}

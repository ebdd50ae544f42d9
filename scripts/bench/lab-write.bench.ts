// Where a durable write goes in the lab: CreateKey in-process, one at a time and 16 at once,
// split into the store transaction (SQLCipher commit), the wait for the shared fsync, and the
// rest (validation, key generation, metadata). The figures explain the endpoint's CreateKey.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLab } from '../../src/main/backends/local/lab'
import { LabStore } from '../../src/main/backends/local/store/lab-store'
import { table } from './measure'

const timing = { transactionUs: 0, durableUs: 0, transactions: 0, durables: 0 }

function instrument(): void {
  const proto = LabStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>
  const transaction = proto.transaction
  proto.transaction = function (this: unknown, ...a: unknown[]) {
    const t = performance.now()
    try {
      return transaction.apply(this, a)
    } finally {
      timing.transactionUs += (performance.now() - t) * 1000
      timing.transactions++
    }
  }
  const durable = proto.durable
  proto.durable = async function (this: unknown, ...a: unknown[]) {
    const t = performance.now()
    try {
      return await durable.apply(this, a)
    } finally {
      timing.durableUs += (performance.now() - t) * 1000
      timing.durables++
    }
  }
}

async function run(concurrency: number, seconds: number): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'keylab-write-'))
  const lab = openLab({
    dataDir: dir,
    unlock: { passphrase: 'bench' },
    scryptCost: { N: 1024, r: 8, p: 1 }
  })
  try {
    for (let i = 0; i < 50; i++) await lab.engine.call('CreateKey', {}, { region: 'us-east-1' })
    Object.assign(timing, { transactionUs: 0, durableUs: 0, transactions: 0, durables: 0 })
    let ops = 0
    const start = performance.now()
    const end = start + seconds * 1000
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          await lab.engine.call('CreateKey', {}, { region: 'us-east-1' })
          ops++
        }
      })
    )
    const elapsedUs = (performance.now() - start) * 1000
    return {
      'CreateKey, in flight': concurrency,
      'ops/s': (ops / elapsedUs) * 1e6,
      'wall µs/op': elapsedUs / ops,
      'transaction µs/op': timing.transactionUs / timing.transactions,
      'fsync wait µs/op': timing.durableUs / timing.durables
    }
  } finally {
    await lab.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  instrument()
  const seconds = Number(process.argv[2] ?? 3)
  table([await run(1, seconds), await run(16, seconds)])
}

void main()

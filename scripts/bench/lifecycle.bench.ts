// In-process speed of the key lifecycle on the lab engine: CreateKey (one at a time, and 16 in
// flight sharing fsyncs), DescribeKey and ListKeys with 1,000 keys, the catalog the key list is
// built from, and a tick with nothing due over 10,000 keys.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLab } from '../../src/main/backends/local/lab'
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import { createServices } from '../../src/main/services/services'
import { measure, table } from './measure'

const region = 'us-east-1'

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keylab-bench-'))
  const lab = openLab({
    dataDir: dir,
    unlock: { passphrase: 'bench' },
    scryptCost: { N: 1024, r: 8, p: 1 },
    tickIntervalMs: 0
  })
  const call = (op: string, input: object): Promise<unknown> =>
    lab.engine.call(op as never, input, { region })
  const rows: Array<Record<string, string | number>> = []
  try {
    const ids: string[] = []
    let start = process.hrtime.bigint()
    for (let i = 0; i < 500; i++) {
      const out = (await call('CreateKey', {})) as { KeyMetadata: { KeyId: string } }
      ids.push(out.KeyMetadata.KeyId)
    }
    let us = Number(process.hrtime.bigint() - start) / 1000
    rows.push({
      operation: 'CreateKey (1 in flight)',
      'ops/s': (500 / us) * 1e6,
      'mean µs': us / 500
    })

    start = process.hrtime.bigint()
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 500 / 16; i++) {
          const out = (await call('CreateKey', {})) as { KeyMetadata: { KeyId: string } }
          ids.push(out.KeyMetadata.KeyId)
        }
      })
    )
    const made = ids.length - 500
    us = Number(process.hrtime.bigint() - start) / 1000
    rows.push({
      operation: 'CreateKey (16 in flight)',
      'ops/s': (made / us) * 1e6,
      'mean µs': us / made
    })
    while (ids.length < 1000) {
      ids.push(
        ((await call('CreateKey', {})) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId
      )
    }

    let i = 0
    const d = await measure('DescribeKey', () =>
      call('DescribeKey', { KeyId: ids[i++ % ids.length] })
    )
    rows.push({ operation: 'DescribeKey (1,000 keys)', 'ops/s': d.opsPerSec, 'mean µs': d.meanUs })
    const l100 = await measure('ListKeys', () => call('ListKeys', {}))
    rows.push({
      operation: 'ListKeys, 100 per page',
      'ops/s': l100.opsPerSec,
      'mean µs': l100.meanUs
    })
    const l1000 = await measure('ListKeys', () => call('ListKeys', { Limit: 1000 }))
    rows.push({
      operation: 'ListKeys, all 1,000 in one page',
      'ops/s': l1000.opsPerSec,
      'mean µs': l1000.meanUs
    })

    const services = createServices({
      backend: new LocalBackend(lab.engine),
      lab: lab.engine,
      region,
      version: 'bench'
    })
    const cat = await measure('catalog', () => services.catalog.listKeys({}), 2000)
    rows.push({
      operation: 'catalog.listKeys (1,000 keys, tags)',
      'ops/s': cat.opsPerSec,
      'mean µs': cat.meanUs
    })

    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (ids.length < 10_000) {
          ids.push('')
          await call('CreateKey', {})
        }
      })
    )
    for (let k = 0; k < 200; k++) {
      await call('ScheduleKeyDeletion', { KeyId: ids[k], PendingWindowInDays: 30 })
    }
    const tick = await measure('tick', () => lab.engine.tick())
    rows.push({
      operation: 'tick, nothing due (10,000 keys, 200 scheduled)',
      'ops/s': tick.opsPerSec,
      'mean µs': tick.meanUs
    })
    const big = await measure('catalog 10k', () => services.catalog.listKeys({}), 3000)
    rows.push({
      operation: 'catalog.listKeys (10,000 keys, tags)',
      'ops/s': big.opsPerSec,
      'mean µs': big.meanUs
    })
    table(rows)
  } finally {
    await lab.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})

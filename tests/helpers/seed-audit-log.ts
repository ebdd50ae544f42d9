// Seeds a lab's audit log with N synthetic records through the real append path (group
// commit, checkpoints), for tests of big logs: node seed-audit-log.cjs DIR COUNT PASSPHRASE.
import { openLab } from '../../src/main/backends/local/lab'
import { AuditLog } from '../../src/main/audit/audit-log'
import { syntheticRecord } from './synthetic-calls'

async function main(): Promise<void> {
  const [dataDir, count, passphrase] = process.argv.slice(2)
  const lab = openLab({ dataDir, unlock: { passphrase } })
  const log = AuditLog.open({ dataDir, rootKey: lab.rootKey })
  const inFlight: Promise<void>[] = []
  for (let i = log.headSeq; i < Number(count); i++) {
    inFlight.push(log.append(syntheticRecord(i)))
    if (inFlight.length === 2048) await Promise.all(inFlight.splice(0))
  }
  await Promise.all(inFlight)
  await log.close()
  await lab.close()
}

void main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})

// Child process of the audit crash test: opens a lab with its audit log as the app does, then
// runs concurrent console calls through the real services and observer until it is killed.
// After each call settles (so after its record is on disk) it prints `ack <id>`.
import { LocalBackend } from '../../src/main/backends/local/local-backend'
import { openLab } from '../../src/main/backends/local/lab'
import { AuditLog, auditObserver, ServiceEventRelay } from '../../src/main/audit'
import { createServices } from '../../src/main/services/services'

const [dataDir, round, passphrase] = process.argv.slice(2)
const WRITERS = 16

const relay = new ServiceEventRelay()
const lab = openLab({
  dataDir,
  unlock: { passphrase },
  scryptCost: { N: 1024, r: 8, p: 1 },
  onServiceEvent: relay.listener
})
const audit = AuditLog.open({
  dataDir,
  rootKey: lab.rootKey,
  checkpointEvery: 50,
  checkpointAfterMs: 100
})
relay.attach(audit)
const services = createServices({
  backend: new LocalBackend(lab.engine),
  lab: lab.engine,
  region: 'us-east-1',
  version: 'crash-test',
  observe: auditObserver(audit),
  audit
})

let next = 0
async function writer(): Promise<void> {
  for (;;) {
    const id = `crash-${round}-${next++}`
    const call =
      next % 2
        ? services.kms.CreateKey({ Description: id })
        : services.kms.DescribeKey({ KeyId: `alias/${id}` })
    await call.catch(() => undefined)
    process.stdout.write(`ack ${id}\n`)
  }
}

process.stdout.write('ready\n')
for (let i = 0; i < WRITERS; i++) void writer()

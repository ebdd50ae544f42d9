// Composition root of the desktop app: open the lab (key from the OS keychain), build the
// services, register IPC, open the window. Everything it wires runs under plain Node too.
import { app, BrowserWindow, ipcMain } from 'electron'
import { AuditLog, auditObserver, ServiceEventRelay } from './audit'
import { LocalBackend } from './backends/local/local-backend'
import { DEFAULT_REGION } from './backends/local/engine'
import { openLab, type Lab } from './backends/local/lab'
import { createAuthorizer } from './backends/local/policy/authorizer'
import { useNativeBinding } from './data/native-binding'
import { registerIpc, trustMainFrame } from './ipc/register'
import { electronKeychain } from './platform/keychain'
import { appDataDir, electronSqliteBinding } from './platform/paths'
import { createServices, type Services } from './services/services'
import { VERSION } from './version'
import { createMainWindow, isAppUrl } from './window'

let lab: Lab | undefined
let services: Services | undefined
let audit: AuditLog | undefined
let win: BrowserWindow | undefined

app.enableSandbox()

async function start(): Promise<void> {
  useNativeBinding(electronSqliteBinding())
  const passphrase = process.env.KEYLAB_PASSPHRASE
  const relay = new ServiceEventRelay()
  lab = openLab({
    dataDir: appDataDir(),
    authorize: createAuthorizer(),
    unlock: passphrase ? { passphrase } : { keychain: electronKeychain },
    onServiceEvent: relay.listener
  })
  audit = AuditLog.open({ dataDir: lab.dataDir, rootKey: lab.rootKey })
  relay.attach(audit)
  services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: process.env.AWS_REGION ?? DEFAULT_REGION,
    version: VERSION,
    dataDir: lab.dataDir,
    rootKey: lab.rootKey,
    observe: auditObserver(audit),
    audit
  })
  registerIpc(
    ipcMain,
    services,
    trustMainFrame(() => win?.webContents.id, isAppUrl)
  )
  win = createMainWindow()
  win.on('closed', () => (win = undefined))
}

app
  .whenReady()
  .then(start)
  .catch((e) => {
    console.error('KeyLab could not start:', e)
    app.exit(1)
  })

app.on('window-all-closed', () => app.quit())

app.on('will-quit', (event) => {
  if (!lab) return
  event.preventDefault()
  const closing = lab
  const endpoint = services?.endpoint
  const log = audit
  lab = undefined
  audit = undefined
  // The endpoint stops first (in-flight requests finish and are recorded), then the audit log
  // closes (final checkpoint), then the lab store.
  void (endpoint?.close() ?? Promise.resolve())
    .then(() => log?.close())
    .catch((e) => console.error('the audit log did not close cleanly:', e))
    .then(() => closing.close())
    .finally(() => app.exit(0))
})

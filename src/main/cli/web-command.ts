// `keylab web`: the real console UI in a browser, on the lab, through the web bridge.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AuditLog, auditObserver, ServiceEventRelay } from '../audit'
import { LocalBackend } from '../backends/local/local-backend'
import { createAuthorizer } from '../backends/local/policy/authorizer'
import { createServices } from '../services/services'
import { startWebHost } from '../web/web-host'
import { LAB_ARG_SPEC, openLabFromArgs } from './options'
import { onShutdown } from './shutdown'
import { VERSION } from '../version'

export async function webCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { ...LAB_ARG_SPEC, port: { type: 'string' }, open: { type: 'boolean' } },
    strict: true
  })
  const rendererDir = join(__dirname, '../renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer in ${rendererDir}; run npm run build first`)
  }
  const relay = new ServiceEventRelay()
  const { lab, region } = await openLabFromArgs(values, {
    authorize: createAuthorizer(),
    onServiceEvent: relay.listener
  })
  let audit: AuditLog
  try {
    audit = AuditLog.open({ dataDir: lab.dataDir, rootKey: lab.rootKey })
  } catch (e) {
    await lab.close()
    throw e
  }
  relay.attach(audit)
  const services = createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region,
    version: VERSION,
    dataDir: lab.dataDir,
    rootKey: lab.rootKey,
    observe: auditObserver(audit),
    audit
  })
  const host = await startWebHost({
    services,
    rendererDir,
    port: values.port ? Number(values.port) : 0
  })
  console.log(`KeyLab console (web bridge) on the lab at ${lab.dataDir}`)
  console.log(`Open: ${host.openUrl}`)
  if (values.open) openBrowser(host.openUrl)
  onShutdown(async () => {
    await host.close()
    await services.endpoint.close()
    services.close()
    await audit.close()
    await lab.close()
  })
}

function openBrowser(url: string): void {
  const cmd =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  const child = spawn(cmd, [url], { stdio: 'ignore', detached: true })
  child.on('error', () => console.log('(could not start a browser; open the URL above)'))
  child.unref()
}

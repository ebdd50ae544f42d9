// `keylab`: the headless entry. Runs under plain Node (never loads Electron).
import { serveCommand } from './serve-command'
import { auditCommand } from './audit-command'
import { webCommand } from './web-command'

const USAGE = `usage: keylab <command> [options]

commands:
  web     the console UI in a browser, on the lab (--data-dir, --port, --region, --open)
  serve   the lab as a KMS endpoint for the aws CLI and SDKs (--host, --port, --data-dir,
          --account-id, --region, --credentials ACCESS_KEY_ID:SECRET, --allow-reset)
  audit   verify or export the audit log (keylab audit verify|export --help)

The lab passphrase comes from KEYLAB_PASSPHRASE or is asked on the terminal.`

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  web: webCommand,
  serve: serveCommand,
  audit: auditCommand
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE)
    return
  }
  const run = COMMANDS[command]
  if (!run) {
    console.error(`keylab: unknown command '${command}'\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  await run(rest)
}

main(process.argv.slice(2)).catch((e: Error) => {
  console.error(`keylab: ${e.message}`)
  process.exitCode = 1
})

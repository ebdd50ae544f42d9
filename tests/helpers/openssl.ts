// Runs the real `openssl` binary in a work directory, as the workshop's terminal steps do.
import { execFileSync } from 'node:child_process'

export function openssl(cwd: string, args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

// The headless lab's passphrase: KEYLAB_PASSPHRASE, or asked on the terminal without echo.
import { createInterface } from 'node:readline'

export async function readPassphrase(prompt: string): Promise<string> {
  const fromEnv = process.env.KEYLAB_PASSPHRASE
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY) {
    throw new Error('set KEYLAB_PASSPHRASE (no terminal to ask for the lab passphrase)')
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream }
  let asking = true
  out._writeToOutput = (s: string) => {
    if (!asking || s.includes(prompt)) process.stdout.write(s)
  }
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve))
  } finally {
    asking = false
    process.stdout.write('\n')
    rl.close()
  }
}

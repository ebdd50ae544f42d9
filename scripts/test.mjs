// `npm test`: the whole suite in one command (lint, typecheck, build, unit/contract/integration
// tests, e2e in Chromium), ending with one line `N passed, N failed` over all of it.
// Lint, typecheck and build each count as one check; vitest and e2e report their own counts.
import { spawn } from 'node:child_process'

const steps = [
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'build', cmd: ['npx', 'electron-vite', 'build'] },
  { name: 'unit, contract and integration tests', cmd: ['npx', 'vitest', 'run'], counts: true },
  { name: 'e2e in Chromium', cmd: ['node', 'tests/e2e/run.mjs'], counts: true }
]

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' }
    })
    let out = ''
    const tee = (stream) => (chunk) => {
      out += chunk
      stream.write(chunk)
    }
    child.stdout.on('data', tee(process.stdout))
    child.stderr.on('data', tee(process.stderr))
    child.on('close', (code) => resolve({ code: code ?? 1, out }))
  })
}

let passed = 0
let failed = 0
const summary = []
for (const step of steps) {
  console.log(`\n=== ${step.name}`)
  const { code, out } = await run(step.cmd)
  if (step.counts) {
    const m = [...out.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop()
    const p = m ? Number(m[1]) : 0
    const f = m ? Number(m[2]) : 0
    const extra = code !== 0 && f === 0 ? 1 : 0
    passed += p
    failed += f + extra
    summary.push(`${step.name}: ${p} passed, ${f + extra} failed`)
  } else {
    if (code === 0) passed++
    else failed++
    summary.push(`${step.name}: ${code === 0 ? 'ok' : 'FAILED'}`)
  }
}
console.log(`\n=== summary\n${summary.map((s) => `  ${s}`).join('\n')}`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exitCode = failed ? 1 : 0

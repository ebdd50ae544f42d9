// `npm run bench`: builds and runs each benchmark (scripts/bench/*.bench.ts) in turn, or only
// those whose name contains the first argument. Each prints its own figures.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const only = process.argv[2]
execFileSync('npx', ['vite', 'build', '--config', 'vite.bench.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit'
})
const benches = readdirSync(join(root, 'out', 'bench'))
  .filter((f) => f.endsWith('.bench.cjs') && (!only || f.includes(only)))
  .sort()
for (const file of benches) {
  console.log(`\n### ${file.replace('.bench.cjs', '')}`)
  execFileSync(
    process.execPath,
    ['--expose-gc', join(root, 'out', 'bench', file), ...process.argv.slice(3)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' }
    }
  )
}

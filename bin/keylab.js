#!/usr/bin/env node
// Entry of the `keylab` command: the built headless CLI (npm run build makes out/main/cli.js).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  console.error('keylab: the CLI is not built yet; run `npm run build` in the KeyLab folder')
  process.exit(1)
}
require(cli)

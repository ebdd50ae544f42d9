// AWS as a backend, through the real UI: add a custom-endpoint connection to a moto_server
// (standing in for AWS) in Settings, test it, switch to it, list and create keys on it, see the
// AWS-style error of a failing call, and find the connection again after a restart.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { connect, createServer } from 'node:net'
import { join } from 'node:path'
import { quickCreateKey } from '../lifecycle-steps.mjs'

const MOTO_ACCOUNT = '123456789012'

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function reachable(port) {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1')
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

async function startMoto() {
  const port = await freePort()
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    detached: true
  })
  const deadline = Date.now() + 30_000
  while (!(await reachable(port))) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode})`)
    if (Date.now() > deadline) throw new Error('moto_server did not start')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        try {
          process.kill(-child.pid, 'SIGTERM')
        } catch {
          resolve()
        }
      })
  }
}

const motoInstalled = spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0

async function addEndpointConnection(page, { name, endpoint }) {
  await page.locator('[data-test=add-connection]').click()
  await page.locator('[data-test=kind-endpoint]').click()
  await page.locator('[data-test=endpoint-url]').fill(endpoint)
  await page.locator('[data-test=access-key-id]').fill('testing')
  await page.locator('[data-test=secret-access-key]').fill('testing')
  await page.locator('[data-test=connection-region]').selectOption('us-east-1')
  await page.locator('[data-test=connection-name]').fill(name)
  await page.locator('[data-test=add-connection-submit]').click()
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  return page.locator('[data-test=connection-row]').filter({ hasText: name })
}

/** A loopback STS that answers AssumeRole as AWS does, recording the form it was sent. */
async function startSts() {
  const forms = []
  const server = createHttpServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const form = new URLSearchParams(body)
      forms.push(form)
      const role = form.get('RoleArn')
      const [, , , , account, resource] = role.split(':')
      res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': 'sts-e2e' })
      res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<AssumedRoleUser><AssumedRoleId>AROAE2E:s</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/${resource.slice(5)}/s</Arn></AssumedRoleUser>
<Credentials><AccessKeyId>ASIAE2EROLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey><SessionToken>role-token</SessionToken>
<Expiration>${new Date(Date.now() + 3600_000).toISOString()}</Expiration></Credentials></AssumeRoleResult>
<ResponseMetadata><RequestId>sts-e2e</RequestId></ResponseMetadata></AssumeRoleResponse>`)
    })
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    forms,
    close: () => new Promise((r) => server.close(r))
  }
}

/** Runs `fn` with environment variables set for the processes it starts (the keylab host). */
async function withEnv(vars, fn) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  Object.assign(process.env, vars)
  try {
    return await fn()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

export const tests = [
  {
    name: 'a custom-endpoint connection to moto: test, use, list and create keys, AWS errors',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      if (!motoInstalled) {
        console.log('    (moto_server is not installed: skipped)')
        return
      }
      const moto = await startMoto()
      const dir = newDataDir()
      let lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.locator('[data-test=backend]').getByText('Local lab').waitFor()
        await page.getByRole('link', { name: 'Settings' }).click()
        await page.locator('[data-test=connections]').waitFor()

        const row = await addEndpointConnection(page, { name: 'moto', endpoint: moto.endpoint })
        await row.waitFor()
        await row.locator('[data-test=test-connection]').click()
        const account = row.locator('[data-test=tested-account]')
        await account.waitFor()
        expect((await account.textContent()).includes(MOTO_ACCOUNT), 'the test shows the account')
        const shown = await row.textContent()
        expect(
          shown.includes('arn:aws:sts::123456789012:user/moto (access key testing)'),
          `the test shows the caller from STS and the credentials: ${shown}`
        )

        // A connection to an endpoint nobody listens on fails its test with the endpoint named.
        const deadPort = await freePort()
        const dead = await addEndpointConnection(page, {
          name: 'nowhere',
          endpoint: `http://127.0.0.1:${deadPort}`
        })
        await dead.locator('[data-test=test-connection]').click()
        const deadAlert = dead.getByRole('alert')
        await deadAlert.waitFor()
        const deadText = await deadAlert.textContent()
        expect(deadText.includes('EndpointConnectionError'), `names the error: ${deadText}`)
        expect(
          deadText.includes(
            `Could not connect to the endpoint URL: "http://127.0.0.1:${deadPort}"`
          ),
          `says which endpoint: ${deadText}`
        )
        await screenshot(page, 'aws-backend-settings')

        await row.locator('[data-test=use-connection]').click()
        const backend = page.locator('[data-test=backend]')
        await backend.getByText('moto').waitFor()
        expect((await backend.textContent()).includes(MOTO_ACCOUNT), 'top bar shows the account')

        await page.getByRole('link', { name: 'Customer managed keys' }).first().click()
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        await quickCreateKey(page, { description: 'Created on moto from the UI' })
        const arn = await page.locator('[data-test=key-arn]').textContent()
        expect(
          new RegExp(`^arn:aws:kms:us-east-1:${MOTO_ACCOUNT}:key/[0-9a-f-]{36}$`).test(arn ?? ''),
          `ARN from moto: ${arn}`
        )
        const keyId = arn.split('/').pop()
        await page.getByRole('link', { name: 'Customer managed keys' }).first().click()
        await page.locator('[data-test=key-row]').filter({ hasText: keyId }).waitFor()
        await screenshot(page, 'aws-backend-key-list')

        // A failing call shows the service's exception name and message.
        const missing = '00000000-0000-4000-8000-000000000000'
        await page.goto(`${lab.url.split('?')[0]}#/keys/${missing}`)
        const alert = page.getByRole('alert')
        await alert.waitFor()
        const text = await alert.textContent()
        expect(text.includes('NotFoundException'), `alert names the exception: ${text}`)
        expect(
          text.includes(
            `Key 'arn:aws:kms:us-east-1:${MOTO_ACCOUNT}:key/${missing}' does not exist`
          ),
          `alert carries the service's message: ${text}`
        )
        await screenshot(page, 'aws-backend-error')

        await page.getByRole('link', { name: 'AWS managed keys' }).click()
        await page.locator('[data-test=not-yet-created]').waitFor()
        await screenshot(page, 'aws-backend-aws-managed')

        // After a restart the saved connection (its secret sealed in the data dir) is active.
        await lab.stop()
        lab = await startLab(dir)
        await page.goto(lab.url)
        await page.locator('[data-test=backend]').getByText('moto').waitFor()
        await page.locator('[data-test=key-row]').filter({ hasText: keyId }).waitFor()

        // And the switcher goes back to the lab, where the lab clock is shown again.
        await page.locator('[data-test=backend]').click()
        await page.locator('[data-test=connection-menu]').waitFor()
        await screenshot(page, 'aws-backend-switcher')
        await page.locator('[data-test=connection-option]').filter({ hasText: 'Local lab' }).click()
        await page.locator('[data-test=backend]').getByText('Local lab').waitFor()
        await page.getByRole('link', { name: 'Settings' }).click()
        await page.locator('[data-test=lab-clock]').waitFor()
      } finally {
        await lab.stop()
        await moto.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'AWS profiles: the MFA code asked in the GUI, and the SSO sign-in command',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      if (!motoInstalled) {
        console.log('    (moto_server is not installed: skipped)')
        return
      }
      const moto = await startMoto()
      const sts = await startSts()
      const home = newDataDir()
      mkdirSync(join(home, '.aws'))
      writeFileSync(
        join(home, '.aws', 'config'),
        [
          '[profile admin]',
          'role_arn = arn:aws:iam::123456789012:role/KeyAdmin',
          'source_profile = base',
          'mfa_serial = arn:aws:iam::123456789012:mfa/alice',
          'region = us-east-1',
          '[profile sso-dev]',
          'sso_session = corp',
          'sso_account_id = 123456789012',
          'sso_role_name = PowerUser',
          'region = eu-west-1',
          '[sso-session corp]',
          'sso_start_url = https://corp.awsapps.com/start',
          'sso_region = us-east-1',
          ''
        ].join('\n')
      )
      writeFileSync(
        join(home, '.aws', 'credentials'),
        '[base]\naws_access_key_id = AKIAE2EBASE\naws_secret_access_key = base-secret\n'
      )
      const dir = newDataDir()
      const lab = await withEnv(
        {
          HOME: home,
          AWS_CONFIG_FILE: join(home, '.aws', 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
          AWS_ENDPOINT_URL_STS: sts.url
        },
        () => startLab(dir)
      )
      try {
        await page.goto(lab.url + '#/settings')
        await page.locator('[data-test=connections]').waitFor()

        // A role with mfa_serial, against moto as the KMS endpoint.
        await page.locator('[data-test=add-connection]').click()
        await page.locator('[data-test=kind-endpoint]').click()
        await page.locator('[data-test=endpoint-url]').fill(moto.endpoint)
        await page.getByLabel('AWS profile').check()
        await page.locator('[data-test=profile]').selectOption('admin')
        await page.getByText('(code asked when used)').waitFor()
        await page.locator('[data-test=connection-name]').fill('admin on moto')
        await screenshot(page, 'aws-backend-add-connection')
        await page.locator('[data-test=add-connection-submit]').click()
        const row = page.locator('[data-test=connection-row]').filter({ hasText: 'admin on moto' })
        await row.waitFor()
        await row.locator('[data-test=test-connection]').click()

        const code = page.locator('[data-test=mfa-code]')
        await code.waitFor()
        await code.fill('123456')
        await screenshot(page, 'aws-backend-mfa')
        await page.locator('[data-test=mfa-submit]').click()
        await row.locator('[data-test=tested-account]').waitFor()
        const tested = await row.textContent()
        expect(tested.includes(MOTO_ACCOUNT), `account shown: ${tested}`)
        expect(
          tested.includes(
            "role arn:aws:iam::123456789012:role/KeyAdmin (assumed from profile 'base')"
          ),
          `identity shown: ${tested}`
        )
        expect(sts.forms.length === 1, `one AssumeRole call, got ${sts.forms.length}`)
        expect(sts.forms[0].get('SerialNumber') === 'arn:aws:iam::123456789012:mfa/alice', 'serial')
        expect(sts.forms[0].get('TokenCode') === '123456', 'the code typed in the GUI reached STS')

        // An SSO profile with no session: the exact command to run.
        await page.locator('[data-test=add-connection]').click()
        await page.locator('[data-test=kind-profile]').click()
        await page.locator('[data-test=profile]').selectOption('sso-dev')
        await page.locator('[data-test=add-connection-submit]').click()
        const sso = page.locator('[data-test=connection-row]').filter({ hasText: 'AWS · sso-dev' })
        await sso.waitFor()
        expect((await sso.textContent()).includes('eu-west-1'), 'the region of the profile')
        await sso.locator('[data-test=test-connection]').click()
        const command = sso.locator('[data-test=sign-in-command]')
        await command.waitFor()
        expect(
          (await command.textContent()) === 'aws sso login --profile sso-dev',
          `command: ${await command.textContent()}`
        )
        const alert = await sso.getByRole('alert').textContent()
        expect(alert.includes('CredentialsProviderError'), `error named: ${alert}`)
        expect(alert.includes('no SSO session'), `says why: ${alert}`)
        await screenshot(page, 'aws-backend-sso')
      } finally {
        await lab.stop()
        await sts.close()
        await moto.stop()
        removeDir(dir)
        removeDir(home)
      }
    }
  }
]

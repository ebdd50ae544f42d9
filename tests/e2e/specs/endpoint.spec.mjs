// The KMS endpoint from Settings: start it, read the URL and credentials it shows, use them with
// the real AWS SDK, find the key in the console, and stop it.
import { createServer } from 'node:net'
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms'

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

export const tests = [
  {
    name: 'the endpoint started from Settings serves the AWS SDK with the credentials it shows',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url + '#/settings')
        const panel = page.locator('[data-test=endpoint-panel]')
        await panel.waitFor()
        expect(
          (await panel.locator('[data-test=endpoint-state]').textContent()).includes('Stopped'),
          'stopped at first'
        )
        const port = await freePort()
        await panel.locator('[data-test=endpoint-port]').fill(String(port))
        await panel.locator('[data-test=endpoint-start]').click()
        const url = (await panel.locator('[data-test=endpoint-url]').textContent()).trim()
        expect(url === `http://127.0.0.1:${port}`, `URL shown: ${url}`)
        const accessKeyId = (
          await panel.locator('[data-test=endpoint-access-key]').textContent()
        ).trim()
        expect(/^KEYLAB[A-Z2-7]{14}$/.test(accessKeyId), `access key shown: ${accessKeyId}`)
        const secretEl = panel.locator('[data-test=endpoint-secret]')
        expect(/^•+$/.test((await secretEl.textContent()).trim()), 'the secret is masked at first')
        const masked = await panel.locator('[data-test=endpoint-example]').textContent()
        expect(masked.includes('AWS_SECRET_ACCESS_KEY=•'), `masked in the snippets too: ${masked}`)
        await panel.locator('[data-test=endpoint-show-secret]').click()
        const secretAccessKey = (await secretEl.textContent()).trim()
        expect(secretAccessKey.length === 40, `secret shown (${secretAccessKey.length} chars)`)
        const configure = await panel.locator('[data-test=endpoint-configure]').textContent()
        expect(
          configure.includes(`aws configure set endpoint_url ${url} --profile keylab`),
          configure
        )
        await panel.scrollIntoViewIfNeeded()
        await screenshot(page, 'endpoint-settings-running')

        const client = new KMSClient({
          endpoint: url,
          region: 'us-east-1',
          credentials: { accessKeyId, secretAccessKey },
          maxAttempts: 1
        })
        const { KeyMetadata } = await client.send(
          new CreateKeyCommand({ Description: 'Created through the lab endpoint' })
        )
        await page.goto(lab.url + '#/keys')
        await page.locator('[data-test=key-row]').filter({ hasText: KeyMetadata.KeyId }).waitFor()

        await page.goto(lab.url + '#/settings')
        await panel.locator('[data-test=endpoint-stop]').click()
        await panel.locator('[data-test=endpoint-start]').waitFor()
        const refused = await client.send(new CreateKeyCommand({})).then(
          () => 'answered',
          (e) => e.code ?? e.name
        )
        expect(refused === 'ECONNREFUSED', `after stop the endpoint is gone: ${refused}`)
        client.destroy()
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]

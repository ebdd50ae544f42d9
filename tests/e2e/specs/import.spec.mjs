// Import: an EXTERNAL key gets its material through the "Key material" tab: download the
// wrapping key and token, generate and wrap here, import with an expiry, delete the material;
// then the same material, wrapped with the real openssl and uploaded, brings the key back.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Calls an API through the page's web bridge (the create UI has no origin choice yet). */
async function bridgeCall(page, op, input, api = 'kms') {
  return page.evaluate(
    async ({ api, op, input }) => {
      const res = await fetch(`/rpc/${api}/${op}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${sessionStorage.getItem('keylab.bridge.token')}`
        },
        body: JSON.stringify(input)
      })
      const result = JSON.parse(await res.text())
      if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`)
      return result.value
    },
    { api, op, input }
  )
}

const materialId = (page) => page.locator('[data-test=material-id]').textContent()

async function saveDownload(page, dir, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const path = join(dir, download.suggestedFilename())
  await download.saveAs(path)
  return path
}

async function stateIs(page, state) {
  await page.locator(`[data-test=page-title] [data-state=${state}]`).waitFor()
}

export const tests = [
  {
    name: 'import key material with the wizard, delete it, and reimport it with openssl',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const files = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        const created = await bridgeCall(page, 'CreateKey', {
          Origin: 'EXTERNAL',
          Description: 'ImportedCMK from the workshop'
        })
        const keyId = created.KeyMetadata.KeyId
        await page.goto(`${lab.url}#/keys/${keyId}`)
        await stateIs(page, 'PendingImport')
        await page.locator('[data-test=tab-key-material]').click()
        expect(
          (await page.locator('[data-test=import-state]').textContent()) === 'Pending import',
          'the tab shows the key waiting for material'
        )

        await page.locator('[data-test=wrapping-algorithm]').selectOption('RSAES_OAEP_SHA_1')
        await page.locator('[data-test=wrapping-key-spec]').selectOption('RSA_2048')
        const downloads = []
        page.on('download', (d) => downloads.push(d))
        await page.locator('[data-test=download-parameters]').click()
        await page.waitForFunction(() => document.querySelector('[data-test=token-b64]'))
        while (downloads.length < 2) await page.waitForTimeout(50)
        page.removeAllListeners('download')
        const names = []
        for (const d of downloads) {
          names.push(d.suggestedFilename())
          await d.saveAs(join(files, d.suggestedFilename()))
        }
        expect(
          names.sort().join(',') === `importToken_${keyId},wrappingKey_${keyId}`,
          `downloads named as the console names them: ${names}`
        )
        const b64 = await page.locator('[data-test=public-key-b64]').inputValue()
        expect(
          Buffer.from(b64, 'base64').equals(readFileSync(join(files, `wrappingKey_${keyId}`))),
          'the base64 shown is the downloaded public key'
        )
        await screenshot(page, 'import-1-parameters')

        await page.locator('[data-test=generate-wrap]').click()
        const plainPath = await saveDownload(page, files, () =>
          page.locator('[data-test=save-plaintext]').click()
        )
        expect(readFileSync(plainPath).length === 32, 'the plaintext material is 32 bytes')
        await page.locator('[data-test=plaintext-saved]').waitFor()
        await screenshot(page, 'import-2-generated')

        const validTo = await page.locator('[data-test=valid-to]').inputValue()
        await page.locator('[data-test=import-material]').click()
        await page.locator('[data-test=material-notice]').waitFor()
        await stateIs(page, 'Enabled')
        const expiration = await page.locator('[data-test=material-expiration]').textContent()
        expect(
          expiration !== '—' && expiration.includes(String(new Date(validTo).getFullYear())),
          `the expiration is shown: ${expiration} (chose ${validTo})`
        )
        const firstId = await materialId(page)
        await screenshot(page, 'import-3-imported')

        await page.locator('[data-test=delete-material]').click()
        await page.locator('[data-test=confirm-delete-check]').check()
        await screenshot(page, 'import-4-confirm-delete')
        await page.locator('[data-test=confirm-delete-material]').click()
        await stateIs(page, 'PendingImport')
        expect(
          (await page.locator('[data-test=import-state]').textContent()) === 'Pending import',
          'the tab shows Pending import after deletion'
        )

        // Reimport the saved material, wrapped in a terminal with the workshop's openssl command.
        await page.locator('[data-test=wrapping-algorithm]').selectOption('RSAES_OAEP_SHA_1')
        await page.locator('[data-test=wrapping-key-spec]').selectOption('RSA_2048')
        await saveDownload(page, files, () =>
          page.locator('[data-test=download-parameters]').click()
        )
        execFileSync(
          'openssl',
          ['pkeyutl', '-encrypt', '-pubin', '-keyform', 'DER', '-inkey', `wrappingKey_${keyId}`]
            .concat(['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha1'])
            .concat(['-in', 'PlaintextKeyMaterial.bin', '-out', 'WrappedKeyMaterial.bin']),
          { cwd: files }
        )
        await page.locator('[data-test=source-upload]').check()
        await page
          .locator('[data-test=wrapped-file]')
          .setInputFiles(join(files, 'WrappedKeyMaterial.bin'))
        await page.locator('[data-test=does-not-expire]').check()
        await page.locator('[data-test=import-material]').click()
        await stateIs(page, 'Enabled')
        expect(
          (await page.locator('[data-test=material-expiration]').textContent()) ===
            'Does not expire',
          'the reimported material does not expire'
        )
        expect((await materialId(page)) === firstId, 'the same material came back with its id')
        await screenshot(page, 'import-5-reimported')
      } finally {
        await lab.stop()
        removeDir(dir)
        removeDir(files)
      }
    }
  },
  {
    name: 'material imported with an expiry expires on the lab clock',
    async run({ page, startLab, newDataDir, removeDir, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        const created = await bridgeCall(page, 'CreateKey', { Origin: 'EXTERNAL' })
        const keyId = created.KeyMetadata.KeyId
        await page.goto(`${lab.url}#/keys/${keyId}`)
        await page.locator('[data-test=tab-key-material]').click()
        await page.locator('[data-test=download-parameters]').click()
        await page.locator('[data-test=generate-wrap]').click()
        await page.locator('[data-test=wrapped-ready]').waitFor()
        await page.locator('[data-test=import-material]').click()
        await stateIs(page, 'Enabled')
        await bridgeCall(page, 'advanceClock', { days: 31 }, 'lab')
        await page.reload()
        await stateIs(page, 'PendingImport')
        await page.locator('[data-test=tab-key-material]').click()
        expect(
          (await page.locator('[data-test=import-state]').textContent()) === 'Pending import',
          'expired material leaves the key pending import'
        )
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]

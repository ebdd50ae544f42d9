// Cryptography in the key page's Try-it tab, on a real lab: encrypt and decrypt a text with an
// encryption context (the plaintext stays masked until revealed), and sign and verify a message
// with an ECC key created through the web host's KMS API.
import { quickCreateKey } from '../lifecycle-steps.mjs'

/** Calls a KMS operation the way the page's web bridge does (same token, same RPC route). */
async function kms(page, op, input) {
  const result = await page.evaluate(
    async ([op, input]) => {
      const token = sessionStorage.getItem('keylab.bridge.token')
      const res = await fetch(`/rpc/kms/${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input)
      })
      return res.json()
    },
    [op, input]
  )
  if (!result.ok) throw new Error(`${op}: ${result.error.name}: ${result.error.message}`)
  return result.value
}

async function openTryIt(page, url, keyId) {
  // Through the key list: the key page loads its key when it mounts.
  await page.goto(`${url.split('?')[0]}#/keys`)
  await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
  await page.goto(`${url.split('?')[0]}#/keys/${keyId}`)
  await page.locator('[data-test=tab-try-it]').click()
}

export const tests = [
  {
    name: 'encrypt and decrypt a text in the Try-it tab',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await quickCreateKey(page, { description: 'Try-it key' })
        await page.locator('[data-test=key-arn]').waitFor()
        await page.locator('[data-test=tab-try-it]').click()

        const secret = 'The launch code is 0000, do not tell anyone.'
        await page.locator('[data-test=encrypt-plaintext]').fill(secret)
        await page.locator('[data-test=encrypt-context-add]').click()
        await page.locator('[data-test=encrypt-context-key-0]').fill('purpose')
        await page.locator('[data-test=encrypt-context-value-0]').fill('e2e')
        await page.locator('[data-test=encrypt-submit]').click()
        const blob = (await page.locator('[data-test=encrypt-result-value]').textContent()).trim()
        expect(/^[A-Za-z0-9+/]+=*$/.test(blob) && blob.length > 100, `ciphertext shown: ${blob}`)
        await screenshot(page, 'crypto-encrypt')

        await page.locator('[data-test=tryit-decrypt-last]').click()
        const shown = await page.locator('[data-test=decrypt-ciphertext]').inputValue()
        expect(shown === blob, 'the ciphertext is carried over to Decrypt')
        await page.locator('[data-test=decrypt-submit]').click()
        const alert = page.getByRole('alert')
        await alert.waitFor()
        expect(
          (await alert.textContent()).includes('InvalidCiphertextException'),
          'decrypting without the context fails with InvalidCiphertextException'
        )
        await page.locator('[data-test=decrypt-context-add]').click()
        await page.locator('[data-test=decrypt-context-key-0]').fill('purpose')
        await page.locator('[data-test=decrypt-context-value-0]').fill('e2e')
        await page.locator('[data-test=decrypt-submit]').click()
        await page.locator('[data-test=decrypt-result-masked]').waitFor()
        expect(
          !(await page.locator('[data-test=decrypt-result]').textContent()).includes(secret),
          'the plaintext is masked until revealed'
        )
        await screenshot(page, 'crypto-decrypt-masked')
        await page.locator('[data-test=decrypt-result-reveal]').click()
        const plain = await page.locator('[data-test=decrypt-result-value]').textContent()
        expect(plain === secret, `decrypted text: ${plain}`)
        await screenshot(page, 'crypto-decrypt-revealed')

        await page.locator('[data-test=tryit-data-key]').click()
        expect(
          (await page.locator('[data-test=decrypt-result]').count()) === 0,
          'leaving the panel drops the plaintext'
        )
        await page.locator('[data-test=datakey-kind-pair]').check()
        await page.locator('[data-test=datakey-submit]').click()
        await page.locator('[data-test=datakey-private-masked]').waitFor()
        await screenshot(page, 'crypto-data-key-pair')
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  },
  {
    name: 'sign and verify a message with an ECC key, and a MAC with an HMAC key',
    async run({ page, startLab, newDataDir, removeDir, screenshot, expect }) {
      const dir = newDataDir()
      const lab = await startLab(dir)
      try {
        await page.goto(lab.url)
        await page.getByRole('heading', { name: 'Customer managed keys' }).waitFor()
        const { KeyMetadata } = await kms(page, 'CreateKey', {
          KeySpec: 'ECC_NIST_P256',
          KeyUsage: 'SIGN_VERIFY',
          Description: 'Signing key'
        })
        await openTryIt(page, lab.url, KeyMetadata.KeyId)
        const actions = await page.locator('nav[aria-label=Operation] button').allTextContents()
        expect(
          actions.length === 2 && actions[0].includes('Sign') && actions[1].includes('Public key'),
          `a signing key offers sign/verify and its public key: ${actions}`
        )
        await page.locator('[data-test=sign-message]').fill('Pay Alice 10 EUR')
        await page.locator('[data-test=sign-submit]').click()
        await page.locator('[data-test=sign-result-value]').waitFor()
        await page.locator('[data-test=verify-submit]').click()
        const ok = page.locator('[data-test=verify-result]')
        await ok.waitFor()
        expect((await ok.textContent()).includes('valid'), 'the signature verifies')
        expect(!(await ok.textContent()).includes('not valid'), 'and is reported valid')
        await screenshot(page, 'crypto-sign-verify')

        await page.locator('[data-test=sign-message]').fill('Pay Alice 1000 EUR')
        await page.locator('[data-test=verify-submit]').click()
        await page.locator('[data-test=verify-result]').filter({ hasText: 'not valid' }).waitFor()

        await page.locator('[data-test=tryit-public-key]').click()
        const pem = await page.locator('[data-test=public-key-value]').textContent()
        expect(pem.startsWith('-----BEGIN PUBLIC KEY-----'), `public key PEM: ${pem}`)
        await screenshot(page, 'crypto-public-key')

        const { KeyMetadata: mac } = await kms(page, 'CreateKey', {
          KeySpec: 'HMAC_256',
          KeyUsage: 'GENERATE_VERIFY_MAC'
        })
        await openTryIt(page, lab.url, mac.KeyId)
        await page.locator('[data-test=mac-message]').fill('webhook body')
        await page.locator('[data-test=mac-submit]').click()
        await page.locator('[data-test=verify-mac-submit]').click()
        const macOk = page.locator('[data-test=verify-mac-result]')
        await macOk.waitFor()
        expect((await macOk.textContent()).includes('MAC is valid'), 'the MAC verifies')
        await screenshot(page, 'crypto-mac')
      } finally {
        await lab.stop()
        removeDir(dir)
      }
    }
  }
]

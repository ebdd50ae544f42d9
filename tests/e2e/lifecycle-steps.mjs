// Steps the lifecycle specs share: creating a key through the real wizard, reading the key id
// off its page.

/** Walks the five wizard steps; returns the new key's id (from the ARN on its page). */
export async function createKeyInWizard(page, options = {}) {
  const { keyType = 'symmetric', usage, spec, alias, description, tags = [], shots } = options
  await page.locator('[data-test=create-key]').first().click()
  await page.locator('[data-test=wizard-step-configure]').waitFor()
  await page.locator(`[data-test=key-type-${keyType}]`).check()
  if (usage) await page.locator(`[data-test=key-usage-${usage}]`).check()
  if (spec) await page.locator(`[data-test=key-spec-${spec}]`).check()
  if (shots) await shots('configure')
  await page.locator('[data-test=wizard-next]').click()

  await page.locator('[data-test=wizard-step-labels]').waitFor()
  await page.locator('[data-test=key-alias]').fill(alias)
  if (description) await page.locator('[data-test=key-description]').fill(description)
  for (const [key, value] of tags) {
    await page.locator('[data-test=add-tag]').click()
    await page.locator('[data-test=tag-key]').last().fill(key)
    await page.locator('[data-test=tag-value]').last().fill(value)
  }
  if (shots) await shots('labels')
  await page.locator('[data-test=wizard-next]').click()

  await page.locator('[data-test=wizard-step-administrators]').waitFor()
  await page.locator('[data-test=principal-input]').fill('arn:aws:iam::111122223333:user/lab-admin')
  await page.locator('[data-test=principal-add]').click()
  await page.locator('[data-test=wizard-next]').click()

  await page.locator('[data-test=wizard-step-users]').waitFor()
  await page
    .locator('[data-test=principal-input]')
    .first()
    .fill('arn:aws:iam::111122223333:user/lab-admin')
  await page.locator('[data-test=principal-add]').first().click()
  await page.locator('[data-test=wizard-next]').click()

  await page.locator('[data-test=wizard-step-review]').waitFor()
  if (shots) await shots('review')
  await page.locator('[data-test=wizard-finish]').click()
  const arn = await page.locator('[data-test=key-arn]').textContent()
  return arn.split('/').pop()
}

/** Opens the top bar's lab clock and moves it forward by `days`. */
export async function advanceLabClock(page, days) {
  await page.locator('[data-test=topbar-clock]').click()
  const pop = page.getByRole('dialog', { name: 'Lab clock' })
  const ahead = pop.locator('[data-test=lab-ahead]')
  const before = await ahead.textContent()
  await pop.locator('[data-test=advance-days]').fill(String(days))
  await pop.locator('[data-test=advance-clock]').click()
  await page.waitForFunction(
    ([el, text]) => el.textContent !== text,
    [await ahead.elementHandle(), before]
  )
  await page.locator('[data-test=topbar-clock]').click()
}

/** Calls the web host's RPC from the page (test setup only), with the page's bridge token. */
export async function rpc(page, api, method, input = {}) {
  const result = await page.evaluate(
    async ([a, m, i]) => {
      const token = sessionStorage.getItem('keylab.bridge.token')
      const res = await fetch(`/rpc/${a}/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(i)
      })
      return res.json()
    },
    [api, method, input]
  )
  if (!result.ok) throw new Error(`${api}.${method}: ${result.error.name}: ${result.error.message}`)
  return result.value
}

/** Creates a symmetric key with the wizard's defaults (Next through every step, then Finish). */
let quickSeq = 0
export async function quickCreateKey(page, { alias, description } = {}) {
  alias ??= `alias/e2e-key-${Date.now().toString(36)}-${++quickSeq}`
  await page.locator('[data-test=create-key]').first().click()
  await page.locator('[data-test=wizard-step-configure]').waitFor()
  await page.locator('[data-test=wizard-next]').click()
  await page.locator('[data-test=wizard-step-labels]').waitFor()
  await page.locator('[data-test=key-alias]').fill(alias)
  if (description) await page.locator('[data-test=key-description]').fill(description)
  for (const step of ['labels', 'administrators', 'users']) {
    await page.locator(`[data-test=wizard-step-${step}]`).waitFor()
    await page.locator('[data-test=wizard-next]').click()
  }
  await page.locator('[data-test=wizard-step-review]').waitFor()
  await page.locator('[data-test=wizard-finish]').click()
}

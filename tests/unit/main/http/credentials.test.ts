import { afterEach, describe, expect, it } from 'vitest'
import {
  CREDENTIALS_META,
  endpointCredentials,
  generateCredential,
  parseCredentialsArg,
  storedCredentials
} from '../../../../src/main/http/credentials'
import { openTestLab, withTempLab } from '../../../helpers/lab'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

describe('endpoint credentials', () => {
  it('generates a key pair that no scanner takes for an AWS key', () => {
    const c = generateCredential()
    expect(c.accessKeyId).toMatch(/^KEYLAB[A-Z2-7]{14}$/)
    expect(c.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/)
    expect(generateCredential().accessKeyId).not.toBe(c.accessKeyId)
  })

  it('creates the lab credentials once and keeps them in the lab store', async () => {
    const { lab, dir, cleanup } = withTempLab()
    const first = (await storedCredentials(lab.engine)).primary
    expect((await storedCredentials(lab.engine)).primary).toEqual(first)
    await lab.close()
    const reopened = openTestLab(dir)
    cleanups.push(async () => {
      await reopened.close()
      await cleanup()
    })
    expect(JSON.parse(reopened.engine.meta(CREDENTIALS_META) as string)).toEqual([first])
    expect((await storedCredentials(reopened.engine)).lookup(first.accessKeyId)).toEqual(first)
  })

  it('uses --credentials for one run without replacing the stored pair', async () => {
    const { lab, cleanup } = withTempLab()
    cleanups.push(cleanup)
    const set = await endpointCredentials(lab.engine, 'KEYLABOVERRIDE000001:s3cr:et')
    expect(set.primary).toEqual({ accessKeyId: 'KEYLABOVERRIDE000001', secretAccessKey: 's3cr:et' })
    expect(lab.engine.meta(CREDENTIALS_META)).toBeUndefined()
  })

  it('refuses a malformed --credentials value', () => {
    for (const bad of [
      'short:secret',
      'KEYLABOVERRIDE000001',
      'KEYLABOVERRIDE000001:',
      'KEYLAB-OVERRIDE-0001:x',
      'KEYLABOVERRIDE000001:a b'
    ]) {
      expect(() => parseCredentialsArg(bad)).toThrow(/--credentials must be ACCESS_KEY_ID:SECRET/)
    }
  })
})

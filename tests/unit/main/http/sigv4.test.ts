import { describe, expect, it } from 'vitest'
import { CredentialSet } from '../../../../src/main/http/credentials'
import { amzDate, verifySignature, type SignedRequest } from '../../../../src/main/http/sigv4'
import { signRequest, type SignOptions } from '../../../helpers/sign'

const credential = { accessKeyId: 'KEYLABUNITTESTKEY001', secretAccessKey: 'unit/test+secret' }
const credentials = new CredentialSet([credential])
const url = 'http://127.0.0.1:4599'
const now = Date.UTC(2026, 11, 1, 9, 30, 0)

async function signed(o: Partial<SignOptions> = {}): Promise<SignedRequest> {
  const r = await signRequest({
    url,
    credentials: credential,
    target: 'ListKeys',
    body: {},
    signingDate: new Date(now),
    ...o
  })
  const headers = Object.fromEntries(
    Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])
  )
  return { method: r.method ?? 'POST', url: r.path ?? '/', headers, body: Buffer.from(r.body) }
}

async function failure(req: SignedRequest, at = now): Promise<{ name: string; message: string }> {
  try {
    await verifySignature(req, credentials, at)
  } catch (e) {
    return e as { name: string; message: string }
  }
  throw new Error('expected the signature check to fail')
}

const withAuth = (req: SignedRequest, authorization: string): SignedRequest => ({
  ...req,
  headers: { ...req.headers, authorization }
})

describe('SigV4 verification', () => {
  it('accepts what the SDK signer signs, with the region from the credential scope', async () => {
    const req = await signed({ region: 'eu-west-3' })
    expect(await verifySignature(req, credentials, now)).toEqual({
      credential,
      region: 'eu-west-3'
    })
    expect(
      await verifySignature(
        await signed({
          method: 'GET',
          path: '/_keylab/health',
          target: undefined,
          body: undefined
        }),
        credentials,
        now
      )
    ).toMatchObject({ region: 'us-east-1' })
  })

  it('refuses a wrong secret with AWS text and the canonical request it expected', async () => {
    const req = await signed({ credentials: { ...credential, secretAccessKey: 'wrong' } })
    const e = await failure(req)
    expect(e.name).toBe('InvalidSignatureException')
    expect(e.message).toContain(
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:127.0.0.1:4599\nx-amz-date:20261201T093000Z\nx-amz-target:TrentService.ListKeys\n"
    )
    expect(e.message).toContain(
      "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20261201T093000Z\n20261201/us-east-1/kms/aws4_request\n"
    )
  })

  it('refuses a body or a signed header changed after signing', async () => {
    const req = await signed({ body: { Limit: 5 } })
    expect((await failure({ ...req, body: Buffer.from('{"Limit":6}') })).name).toBe(
      'InvalidSignatureException'
    )
    const target = { ...req, headers: { ...req.headers, 'x-amz-target': 'TrentService.CreateKey' } }
    expect((await failure(target)).name).toBe('InvalidSignatureException')
  })

  it('refuses an x-amz-content-sha256 that is not the body hash', async () => {
    const lie = '0'.repeat(64)
    const req = await signed({ headers: { 'x-amz-content-sha256': lie } })
    expect((await failure(req)).name).toBe('InvalidSignatureException')
  })

  it('answers a missing Authorization header with MissingAuthenticationTokenException', async () => {
    const req = await signed()
    delete req.headers.authorization
    expect(await failure(req)).toEqual(
      expect.objectContaining({
        name: 'MissingAuthenticationTokenException',
        message: 'Missing Authentication Token'
      })
    )
  })

  it('answers malformed Authorization headers with IncompleteSignatureException and AWS text', async () => {
    const req = await signed()
    const good = req.headers.authorization as string
    expect(await failure(withAuth(req, 'Bearer abc'))).toMatchObject({
      name: 'IncompleteSignatureException',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=Bearer abc"
    })
    const noSig = good.replace(/, Signature=[0-9a-f]+/, '')
    expect(await failure(withAuth(req, noSig))).toMatchObject({
      name: 'IncompleteSignatureException',
      message: `Authorization header requires 'Signature' parameter. Authorization=${noSig}`
    })
    const spaced = good.replace('/20261201', ' /20261201')
    expect(await failure(withAuth(req, spaced))).toMatchObject({
      name: 'IncompleteSignatureException',
      message: `'/20261201/us-east-1/kms/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '${spaced}'.`
    })
    const short = good.replace('/us-east-1/kms/aws4_request', '/kms/aws4_request')
    expect(await failure(withAuth(req, short))).toMatchObject({
      name: 'IncompleteSignatureException',
      message: `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential.accessKeyId}/20261201/kms/aws4_request'`
    })
  })

  it('needs a well-formed X-Amz-Date', async () => {
    const req = await signed()
    const { 'x-amz-date': _date, ...rest } = req.headers
    expect(await failure({ ...req, headers: rest })).toMatchObject({
      name: 'IncompleteSignatureException',
      message: `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${req.headers.authorization}`
    })
    for (const stamp of ['20260231T093000Z', '20261201T243000Z']) {
      expect(
        await failure({ ...req, headers: { ...req.headers, 'x-amz-date': stamp } })
      ).toMatchObject({
        name: 'IncompleteSignatureException',
        message: `Date must be in ISO-8601 'basic format'. Got '${stamp}'. See http://en.wikipedia.org/wiki/ISO_8601`
      })
    }
    expect(
      await failure({ ...req, headers: { ...req.headers, 'x-amz-date': '2026-12-01T09:30:00Z' } })
    ).toMatchObject({
      name: 'IncompleteSignatureException',
      message:
        "Date must be in ISO-8601 'basic format'. Got '2026-12-01T09:30:00Z'. See http://en.wikipedia.org/wiki/ISO_8601"
    })
  })

  it('refuses an unknown access key and any session token with UnrecognizedClientException', async () => {
    const stranger = await signed({
      credentials: { accessKeyId: 'KEYLABSOMEONEELSE001', secretAccessKey: 'x' }
    })
    const token = await signed({ headers: { 'x-amz-security-token': 'token' } })
    for (const req of [stranger, token]) {
      expect(await failure(req)).toMatchObject({
        name: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.'
      })
    }
  })

  it('checks the credential scope: terminator, service, region, signed Host, date', async () => {
    const req = await signed()
    const auth = req.headers.authorization as string
    const cases: Array<[string, string, string]> = [
      [
        auth.replace('/aws4_request', '/aws5_request'),
        'InvalidSignatureException',
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "
      ],
      [
        auth.replace('/kms/', '/s3/'),
        'InvalidSignatureException',
        "Credential should be scoped to correct service: 'kms'. "
      ],
      [
        auth.replace('/us-east-1/', '/us-mars-1/'),
        'InvalidSignatureException',
        "Credential should be scoped to a valid region, not 'us-mars-1'. "
      ],
      [
        auth.replace('content-type;host;', 'content-type;'),
        'IncompleteSignatureException',
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."
      ],
      [
        auth.replace('/20261201/', '/20261130/'),
        'InvalidSignatureException',
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261130' != '20261201', from '20261201T093000Z'."
      ]
    ]
    for (const [authorization, name, message] of cases) {
      expect(await failure(withAuth(req, authorization))).toMatchObject({ name, message })
    }
  })

  it('refuses a request time outside the 15-minute window around real time', async () => {
    const req = await signed()
    const later = now + 15 * 60_000 + 1000
    expect(await failure(req, later)).toMatchObject({
      name: 'InvalidSignatureException',
      message: `Signature expired: 20261201T093000Z is now earlier than ${amzDate(later - 15 * 60_000)} (${amzDate(later)} - 15 min.)`
    })
    const earlier = now - 16 * 60_000
    expect(await failure(req, earlier)).toMatchObject({
      name: 'InvalidSignatureException',
      message:
        'Signature not yet current: 20261201T093000Z is still later than 20261201T092900Z (20261201T091400Z + 15 min.)'
    })
    expect(await verifySignature(req, credentials, now + 14 * 60_000)).toMatchObject({
      region: 'us-east-1'
    })
  })
})

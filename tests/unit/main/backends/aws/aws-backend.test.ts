// The AWS backend over the real SDK, against a loopback stand-in for KMS that answers in AWS's
// JSON 1.1 protocol: AWS's errors and messages kept as AWS wrote them, the request id surfaced,
// throttling retried, input validated before anything is sent, clients cached.
import { afterEach, describe, expect, it } from 'vitest'
import { AwsBackend } from '../../../../../src/main/backends/aws/aws-backend'
import { AwsClientPool } from '../../../../../src/main/backends/aws/aws-clients'
import type { CallFacts } from '../../../../../src/main/backends/backend'
import { AccessDeniedException, KmsError } from '../../../../../src/shared/errors'
import { freePort } from '../../../../helpers/moto'
import {
  callerIdentityXml,
  startStub,
  type Stub,
  type StubRequest,
  type StubResponse
} from '../../../../helpers/stub-server'

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'
const DENIED =
  'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action'

const pools: AwsClientPool[] = []
const stubs: Stub[] = []
afterEach(async () => {
  pools.splice(0).forEach((p) => p.destroy())
  await Promise.all(stubs.splice(0).map((s) => s.close()))
})

function awsError(type: string, message: string, requestId: string, status = 400): StubResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
    body: JSON.stringify({ __type: type, message })
  }
}

function ok(body: unknown, requestId: string): StubResponse {
  return {
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
    body: JSON.stringify(body)
  }
}

const CALLER = 'arn:aws:iam::111122223333:user/alice'
const isSts = (req: StubRequest): boolean => req.body.includes('Action=GetCallerIdentity')
const kmsRequests = (stub: Stub): StubRequest[] => stub.requests.filter((r) => !isSts(r))

/** A stub KMS at a custom endpoint, which also answers STS GetCallerIdentity there (as moto does). */
async function backendOn(
  answer: (req: StubRequest, kmsIndex: number) => StubResponse,
  credentials = { accessKeyId: 'AKIATEST', secretAccessKey: 'test' }
): Promise<{ backend: AwsBackend; stub: Stub; pool: AwsClientPool }> {
  let kms = 0
  const stub = await startStub((req) =>
    isSts(req)
      ? { headers: { 'content-type': 'text/xml' }, body: callerIdentityXml(CALLER, 'req-sts') }
      : answer(req, kms++)
  )
  stubs.push(stub)
  const pool = new AwsClientPool({ mfaCode: () => Promise.reject(new Error('no MFA')) })
  pools.push(pool)
  const backend = new AwsBackend(
    {
      credentialsKey: 'static:test',
      credentials: { type: 'static', ...credentials },
      endpoint: stub.url
    },
    pool
  )
  return { backend, stub, pool }
}

async function failure(promise: Promise<unknown>): Promise<KmsError> {
  try {
    await promise
  } catch (e) {
    return e as KmsError
  }
  throw new Error('expected the call to fail')
}

describe('AWS backend', () => {
  it('sends the operation as its SDK command and surfaces AWS request id', async () => {
    const { backend, stub } = await backendOn(() =>
      ok({ KeyMetadata: { KeyId: 'k', Arn: KEY_ARN, CreationDate: 1.7e9 } }, 'req-describe')
    )
    let facts: CallFacts | undefined
    const out = await backend.call(
      'DescribeKey',
      { KeyId: 'alias/app', Bogus: 'not sent' },
      { region: 'eu-west-1', onFacts: (f) => (facts = f) }
    )
    expect(out).toEqual({
      KeyMetadata: { KeyId: 'k', Arn: KEY_ARN, CreationDate: new Date(1.7e9 * 1000) }
    })
    expect(facts).toEqual({
      requestId: 'req-describe',
      accountId: '111122223333',
      principalArn: CALLER
    })
    expect(stub.requests[0].headers['x-amz-target']).toBe('TrentService.DescribeKey')
    expect(stub.requests[0].headers.authorization).toMatch(
      /Credential=AKIATEST\/\d{8}\/eu-west-1\/kms\/aws4_request/
    )
    expect(JSON.parse(stub.requests[0].body)).toEqual({ KeyId: 'alias/app' })
  })

  it('asks STS who the caller is once, and names that ARN in the facts of every call', async () => {
    const { backend, stub } = await backendOn(() => ok({ Keys: [] }, 'req-list'))
    const facts: CallFacts[] = []
    for (let i = 0; i < 3; i++) {
      await backend.call('ListKeys', {}, { region: 'eu-west-1', onFacts: (f) => facts.push(f) })
    }
    expect(stub.requests.filter(isSts)).toHaveLength(1)
    expect(facts.map((f) => f.principalArn)).toEqual([CALLER, CALLER, CALLER])
    expect(backend.caller).toEqual({ arn: CALLER, account: '111122223333' })
    expect(await backend.whoAmI('eu-west-1')).toEqual({ arn: CALLER, account: '111122223333' })
    expect(stub.requests.filter(isSts)).toHaveLength(2)
  })

  it("keeps AWS's AccessDeniedException message as AWS wrote it, with the request id", async () => {
    const { backend } = await backendOn(() =>
      awsError('AccessDeniedException', DENIED, 'req-denied')
    )
    let facts: CallFacts | undefined
    const e = await failure(
      backend.call('CreateKey', {}, { region: 'eu-west-1', onFacts: (f) => (facts = f) })
    )
    expect(e).toBeInstanceOf(AccessDeniedException)
    expect(e.name).toBe('AccessDeniedException')
    expect(e.message).toBe(DENIED)
    expect(e.fault).toBe('client')
    expect(facts).toEqual({ requestId: 'req-denied' })
  })

  it('keeps an error AWS sent without a message without one', async () => {
    const { backend } = await backendOn(() => ({
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-none' },
      body: JSON.stringify({ __type: 'NotAuthorizedException' })
    }))
    const e = await failure(
      backend.call(
        'CreateAlias',
        { AliasName: 'alias/aws/mine', TargetKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
        { region: 'eu-west-1' }
      )
    )
    expect(e.name).toBe('NotAuthorizedException')
    expect(e.message).toBe('')
  })

  it('keeps the name of an exception KeyLab has no class for', async () => {
    const { backend } = await backendOn(() =>
      awsError('XksProxyUriUnreachableException', 'The XKS proxy is unreachable.', 'r', 400)
    )
    const e = await failure(backend.call('CreateKey', {}, { region: 'eu-west-1' }))
    expect(e).toBeInstanceOf(KmsError)
    expect(e.name).toBe('XksProxyUriUnreachableException')
    expect(e.message).toBe('The XKS proxy is unreachable.')
  })

  it('keeps protocol errors of the KMS front end (an invalid security token)', async () => {
    const { backend } = await backendOn(() =>
      awsError(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
        'req-token'
      )
    )
    const e = await failure(backend.call('ListKeys', {}, { region: 'eu-west-1' }))
    expect(e.name).toBe('UnrecognizedClientException')
    expect(e.message).toBe('The security token included in the request is invalid.')
  })

  it('says so when a custom endpoint answers with something that is not KMS', async () => {
    const { backend, stub } = await backendOn(() => ({
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><title>404 Not Found</title>'
    }))
    const e = await failure(
      backend.call(
        'GetParametersForImport',
        { KeyId: 'k', WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' },
        { region: 'eu-west-1' }
      )
    )
    expect(e.name).toBe('EndpointResponseError')
    expect(e.message).toMatch(
      new RegExp(`^${stub.url} answered HTTP 404 with a response that is not AWS KMS's \\(`)
    )
  })

  it('retries throttling (adaptive retry mode) and then succeeds', async () => {
    const { backend, stub } = await backendOn((_req, i) =>
      i < 2
        ? awsError('ThrottlingException', 'Rate exceeded', `throttled-${i}`)
        : ok({ Keys: [], Truncated: false }, 'req-after-throttle')
    )
    let facts: CallFacts | undefined
    const out = await backend.call(
      'ListKeys',
      {},
      { region: 'eu-west-1', onFacts: (f) => (facts = f) }
    )
    expect(out).toEqual({ Keys: [], Truncated: false })
    expect(kmsRequests(stub)).toHaveLength(3)
    expect(facts).toEqual({
      requestId: 'req-after-throttle',
      accountId: '111122223333',
      principalArn: CALLER
    })
  })

  it('validates input with the lab schemas before anything is sent', async () => {
    const { backend, stub } = await backendOn(() => ok({}, 'never'))
    const e = await failure(backend.call('ListKeys', { Limit: 0 }, { region: 'eu-west-1' }))
    expect(e.name).toBe('ValidationException')
    expect(e.message).toBe(
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
    )
    expect(stub.requests).toHaveLength(0)
  })

  it('names the endpoint it could not reach', async () => {
    const port = await freePort()
    const pool = new AwsClientPool({ mfaCode: () => Promise.reject(new Error('no MFA')) })
    pools.push(pool)
    const backend = new AwsBackend(
      {
        credentialsKey: 'static:down',
        credentials: { type: 'static', accessKeyId: 'AKIA', secretAccessKey: 's' },
        endpoint: `http://127.0.0.1:${port}`
      },
      pool
    )
    const e = await failure(backend.call('ListKeys', {}, { region: 'eu-west-1' }))
    expect(e.name).toBe('EndpointConnectionError')
    expect(e.message).toMatch(
      new RegExp(
        `^Could not connect to the endpoint URL: "http://127.0.0.1:${port}" \\(.*ECONNREFUSED`
      )
    )
  })

  it('caches one client per credentials, region and endpoint', async () => {
    const { backend, pool } = await backendOn(() => ok({ Keys: [] }, 'r'))
    const a = pool.client(backend.target, 'eu-west-1')
    expect(pool.client(backend.target, 'eu-west-1')).toBe(a)
    expect(((await a.config.retryStrategy()) as { mode?: string }).mode).toBe('adaptive')
    expect(pool.client(backend.target, 'us-east-1')).not.toBe(a)
    expect(
      pool.client({ ...backend.target, endpoint: 'http://127.0.0.1:1' }, 'eu-west-1')
    ).not.toBe(a)
    pool.forget(backend.target.credentialsKey)
    expect(pool.client(backend.target, 'eu-west-1')).not.toBe(a)
  })

  it('learns the account from the credentials and reports it with each call', async () => {
    const pool = new AwsClientPool({ mfaCode: () => Promise.reject(new Error('no MFA')) })
    pools.push(pool)
    const stub = await startStub(() => ok({ Keys: [] }, 'req-1'))
    stubs.push(stub)
    process.env.AWS_ACCESS_KEY_ID = 'AKIAENV'
    process.env.AWS_SECRET_ACCESS_KEY = 'env'
    process.env.AWS_ACCOUNT_ID = '444455556666'
    try {
      const backend = new AwsBackend(
        { credentialsKey: 'environment', credentials: { type: 'environment' }, endpoint: stub.url },
        pool
      )
      let facts: CallFacts | undefined
      await backend.call('ListKeys', {}, { region: 'eu-west-1', onFacts: (f) => (facts = f) })
      expect(facts).toEqual({ requestId: 'req-1', accountId: '444455556666' })
      expect(backend.accountId).toBe('444455556666')
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID
      delete process.env.AWS_SECRET_ACCESS_KEY
      delete process.env.AWS_ACCOUNT_ID
    }
  })
})

// The connections API over real services: the lab is always there; a custom-endpoint connection
// to moto_server is added (its secret sealed in the data dir), tested, activated, used for KMS
// calls that reach the audit observer with AWS's request id, and survives a restart.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LocalBackend } from '../../../../src/main/backends/local/local-backend'
import type { CallRecord } from '../../../../src/main/backends/call-record'
import { dispatch } from '../../../../src/main/rpc/dispatch'
import { createServices, type Services } from '../../../../src/main/services/services'
import { CONNECTIONS_FILE } from '../../../../src/main/settings/connection-settings'
import { openTestLab, tempDir } from '../../../helpers/lab'
import { MOTO_ACCOUNT_ID, motoAvailable, startMoto, type Moto } from '../../../helpers/moto'

const SECRET = 'moto-secret-never-on-disk'

let moto: Moto
let dir: string
let home: string
let savedHome: string | undefined
let lab: ReturnType<typeof openTestLab>
let records: CallRecord[]
let services: Services

function open(): Services {
  return createServices({
    backend: new LocalBackend(lab.engine),
    lab: lab.engine,
    region: 'us-east-1',
    version: 'test',
    dataDir: lab.dataDir,
    rootKey: lab.rootKey,
    observe: async (r) => {
      records.push(r)
    }
  })
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a failure')
}

describe.skipIf(!motoAvailable())('connections', () => {
  beforeAll(async () => {
    moto = await startMoto()
  })
  afterAll(async () => {
    await moto?.stop()
  })
  beforeEach(() => {
    dir = tempDir()
    lab = openTestLab(dir)
    records = []
    savedHome = process.env.HOME
    home = tempDir('keylab-home-')
    process.env.HOME = home
    mkdirSync(join(home, '.aws'))
    services = open()
  })
  afterEach(async () => {
    services.close()
    await lab.close()
    process.env.HOME = savedHome
    rmSync(dir, { recursive: true, force: true })
    rmSync(home, { recursive: true, force: true })
  })

  const addMoto = () =>
    services.connections.add({
      name: 'moto',
      credentials: { type: 'static', accessKeyId: 'testing', secretAccessKey: SECRET },
      region: 'us-east-1',
      endpoint: moto.endpoint
    })

  it('always lists the local lab, active at first, and refuses to remove it', async () => {
    expect(await services.connections.list({})).toEqual([
      { id: 'lab', name: 'Local lab', kind: 'lab', accountId: '111122223333', active: true }
    ])
    const e = await failure(services.connections.remove({ id: 'lab' }))
    expect(e.name).toBe('ValidationException')
    expect(e.message).toBe('The local lab connection cannot be removed.')
  })

  it('adds a custom endpoint, tests it, switches to it and records AWS calls', async () => {
    const added = await addMoto()
    expect(added).toEqual({
      id: expect.any(String),
      name: 'moto',
      kind: 'aws',
      credentials: { type: 'static', accessKeyId: 'testing' },
      region: 'us-east-1',
      endpoint: moto.endpoint,
      active: false
    })
    const test = await services.connections.test({ id: added.id })
    expect(test).toMatchObject({
      connectionId: added.id,
      accountId: MOTO_ACCOUNT_ID,
      identity: 'arn:aws:sts::123456789012:user/moto (access key testing)',
      region: 'us-east-1',
      endpoint: moto.endpoint,
      requestId: expect.stringMatching(/^\w{20,}$/)
    })
    expect(records.at(-1)).toMatchObject({
      operation: 'ListAliases',
      requestId: test.requestId,
      backend: { kind: 'aws', label: 'moto', endpoint: moto.endpoint }
    })

    const info = await services.connections.activate({ id: added.id })
    expect(info).toEqual({
      kind: 'aws',
      label: 'moto',
      region: 'us-east-1',
      accountId: MOTO_ACCOUNT_ID,
      capabilities: { labClock: false },
      id: added.id,
      endpoint: moto.endpoint
    })
    const { KeyMetadata } = await services.kms.CreateKey({ Description: 'on moto' })
    expect(KeyMetadata?.Arn).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//)
    const record = records.at(-1) as CallRecord
    expect(record).toMatchObject({
      operation: 'CreateKey',
      region: 'us-east-1',
      accountId: MOTO_ACCOUNT_ID,
      backend: { kind: 'aws', label: 'moto', endpoint: moto.endpoint },
      via: 'console',
      principalArn: 'arn:aws:sts::123456789012:user/moto'
    })
    expect(record.requestId).toMatch(/^\w{20,}$/)
    expect(record.requestId).not.toBe(test.requestId)

    const e = await failure(services.lab.getClock({}))
    expect(e.name).toBe('UnsupportedOperationException')
  })

  it('keeps the secret sealed in the data dir and restores the connection on restart', async () => {
    const added = await addMoto()
    await services.connections.activate({ id: added.id })
    await services.app.setRegion({ region: 'eu-west-1' })
    const file = readFileSync(join(lab.dataDir, CONNECTIONS_FILE), 'utf8')
    expect(file).not.toContain(SECRET)
    const saved = JSON.parse(file)
    expect(saved).toMatchObject({ format: 1, activeId: added.id })
    expect(saved.connections[0]).toMatchObject({
      region: 'eu-west-1',
      sealedSecret: expect.any(String)
    })

    services.close()
    services = open()
    expect((await services.app.getInfo({})).connection).toMatchObject({
      kind: 'aws',
      label: 'moto',
      region: 'eu-west-1'
    })
    const { Keys } = await services.kms.ListKeys({})
    expect(Array.isArray(Keys)).toBe(true)
  })

  it('removing the active connection goes back to the lab', async () => {
    const added = await addMoto()
    await services.connections.activate({ id: added.id })
    const left = await services.connections.remove({ id: added.id })
    expect(left.map((c) => [c.id, c.active])).toEqual([['lab', true]])
    expect((await services.app.getInfo({})).connection.kind).toBe('lab')
    const e = await failure(services.connections.activate({ id: added.id }))
    expect(e.name).toBe('NotFoundException')
  })

  it('adds an AWS profile with the region of the profile, and refuses unknown profiles', async () => {
    writeFileSync(join(home, '.aws', 'config'), '[profile dev]\nregion = eu-central-1\n')
    writeFileSync(
      join(home, '.aws', 'credentials'),
      '[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = s\n'
    )
    const added = await services.connections.add({
      credentials: { type: 'profile', profile: 'dev' }
    })
    expect(added).toMatchObject({
      name: 'AWS · dev',
      credentials: { type: 'profile', profile: 'dev' },
      region: 'eu-central-1'
    })
    const info = await services.connections.activate({ id: added.id })
    expect(info).toMatchObject({
      kind: 'aws',
      label: 'AWS · dev',
      profile: 'dev',
      region: 'eu-central-1'
    })
    expect(info.endpoint).toBeUndefined()
    const e = await failure(
      services.connections.add({ credentials: { type: 'profile', profile: 'missing' } })
    )
    expect(e.name).toBe('NotFoundException')
    expect(e.message).toBe(
      'The config profile (missing) could not be found in the AWS config or credentials file.'
    )
  })

  it('sends plain http only to this computer', async () => {
    const e = await failure(
      services.connections.add({
        credentials: { type: 'static', accessKeyId: 'a', secretAccessKey: 'b' },
        endpoint: 'http://kms.example.com'
      })
    )
    expect(e.name).toBe('ValidationException')
    expect(e.message).toMatch(/^The endpoint http:\/\/kms.example.com must use https/)
  })

  it('validates console input with AWS-style messages at the dispatcher', async () => {
    const result = await dispatch(services, 'connections', 'add', {
      credentials: { type: 'static', accessKeyId: 'testing' }
    })
    expect(result).toEqual({
      ok: false,
      error: {
        name: 'ValidationException',
        message:
          "1 validation error detected: Value null at 'credentials.secretAccessKey' failed to satisfy constraint: Member must not be null",
        fault: 'client'
      }
    })
  })
})

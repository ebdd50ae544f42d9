// Profile resolution as the aws CLI does it, with a temporary HOME and real config files: static
// keys, named profiles, source_profile/role_arn chains (STS is a loopback stub that answers as
// AWS does), MFA asked through the console, credential_process, SSO shapes, and the environment.
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { credentialProvider } from '../../../../../src/main/backends/aws/credentials'
import { defaultRegion, profilesInfo } from '../../../../../src/main/backends/aws/profiles'
import { ConsoleActivityHub } from '../../../../../src/main/services/console-activity'
import { tempDir } from '../../../../helpers/lab'
import { assumeRoleXml, startStub, type Stub } from '../../../../helpers/stub-server'

const ENV = [
  'HOME',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ACCOUNT_ID',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL_SSO'
]

let home: string
let saved: Record<string, string | undefined>
const stubs: Stub[] = []
const noMfa = { mfaCode: () => Promise.reject(new Error('no MFA expected')) }

beforeEach(() => {
  saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]))
  for (const k of ENV) delete process.env[k]
  home = tempDir('keylab-home-')
  process.env.HOME = home
  mkdirSync(join(home, '.aws'))
})

afterEach(async () => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
  await Promise.all(stubs.splice(0).map((s) => s.close()))
  rmSync(home, { recursive: true, force: true })
})

function write(config: string, credentials = ''): void {
  writeFileSync(join(home, '.aws', 'config'), config)
  writeFileSync(join(home, '.aws', 'credentials'), credentials)
}

function ssoToken(session: string, expiresAt: Date): void {
  const dir = join(home, '.aws', 'sso', 'cache')
  mkdirSync(dir, { recursive: true })
  const file = createHash('sha1').update(session).digest('hex') + '.json'
  writeFileSync(
    join(dir, file),
    JSON.stringify({ accessToken: 'sso-access-token', expiresAt: expiresAt.toISOString() })
  )
}

/** A loopback STS answering AssumeRole with credentials named after the role's position. */
async function stubSts(): Promise<Stub> {
  const sts = await startStub((req, i) => {
    const roleArn = new URLSearchParams(req.body).get('RoleArn') as string
    return {
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': `sts-${i}` },
      body: assumeRoleXml(roleArn, `ASIAROLE${i}`, `sts-${i}`)
    }
  })
  stubs.push(sts)
  process.env.AWS_ENDPOINT_URL_STS = sts.url
  return sts
}

const resolve = (profile: string, options = noMfa) =>
  credentialProvider({ type: 'profile', profile }, options)()

async function failure(promise: Promise<unknown>): Promise<Error & { details?: unknown }> {
  try {
    await promise
  } catch (e) {
    return e as Error & { details?: unknown }
  }
  throw new Error('expected the credentials to fail')
}

describe('profiles with static keys', () => {
  it('reads the default profile and a named one, credentials file over config file', async () => {
    write(
      '[default]\nregion = us-west-2\n[profile dev]\naws_access_key_id = AKIACONFIGDEV\naws_secret_access_key = cfg\n',
      '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s1\n[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = s2\naws_session_token = tok\n'
    )
    expect(await resolve('default')).toMatchObject({
      accessKeyId: 'AKIADEFAULT',
      secretAccessKey: 's1'
    })
    expect(await resolve('dev')).toMatchObject({
      accessKeyId: 'AKIADEV',
      secretAccessKey: 's2',
      sessionToken: 'tok'
    })
  })

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', async () => {
    const elsewhere = join(home, 'elsewhere')
    mkdirSync(elsewhere)
    writeFileSync(join(elsewhere, 'cfg'), '[profile ci]\nregion = ap-south-1\n')
    writeFileSync(
      join(elsewhere, 'creds'),
      '[ci]\naws_access_key_id = AKIACI\naws_secret_access_key = x\n'
    )
    write('', '[ci]\naws_access_key_id = AKIAWRONG\naws_secret_access_key = y\n')
    process.env.AWS_CONFIG_FILE = join(elsewhere, 'cfg')
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(elsewhere, 'creds')
    expect(await resolve('ci')).toMatchObject({ accessKeyId: 'AKIACI' })
    const info = await profilesInfo()
    expect(info.configFile).toBe(join(elsewhere, 'cfg'))
    expect(info.credentialsFile).toBe(join(elsewhere, 'creds'))
    expect(info.profiles).toEqual([
      expect.objectContaining({ name: 'ci', kind: 'keys', region: 'ap-south-1' })
    ])
  })

  it('answers an unknown profile with CredentialsProviderError', async () => {
    write('[default]\nregion = us-east-1\n')
    const e = await failure(resolve('nope'))
    expect(e.name).toBe('CredentialsProviderError')
    expect(e.message).toMatch(/nope/)
  })
})

describe('source_profile + role_arn', () => {
  it('assumes the role with the source profile keys, through STS', async () => {
    const sts = await stubSts()
    write(
      '[profile admin]\nrole_arn = arn:aws:iam::222233334444:role/Admin\nsource_profile = base\nrole_session_name = keylab\n',
      '[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n'
    )
    const c = await resolve('admin')
    expect(c).toMatchObject({
      accessKeyId: 'ASIAROLE0',
      secretAccessKey: 'secret-of-ASIAROLE0',
      sessionToken: 'token-of-ASIAROLE0',
      accountId: '222233334444'
    })
    expect(sts.requests).toHaveLength(1)
    const form = new URLSearchParams(sts.requests[0].body)
    expect(form.get('Action')).toBe('AssumeRole')
    expect(form.get('RoleArn')).toBe('arn:aws:iam::222233334444:role/Admin')
    expect(form.get('RoleSessionName')).toBe('keylab')
    expect(sts.requests[0].headers.authorization).toMatch(/Credential=AKIABASE\//)
  })

  it('follows a chain of two roles, each signed with the previous credentials', async () => {
    const sts = await stubSts()
    write(
      [
        '[profile hop1]',
        'role_arn = arn:aws:iam::111111111111:role/Hop1',
        'source_profile = base',
        '[profile hop2]',
        'role_arn = arn:aws:iam::222222222222:role/Hop2',
        'source_profile = hop1',
        ''
      ].join('\n'),
      '[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = s\n'
    )
    expect(await resolve('hop2')).toMatchObject({ accessKeyId: 'ASIAROLE1' })
    const roles = sts.requests.map((r) => new URLSearchParams(r.body).get('RoleArn'))
    expect(roles).toEqual([
      'arn:aws:iam::111111111111:role/Hop1',
      'arn:aws:iam::222222222222:role/Hop2'
    ])
    expect(sts.requests[0].headers.authorization).toMatch(/Credential=AKIABASE\//)
    expect(sts.requests[1].headers.authorization).toMatch(/Credential=ASIAROLE0\//)
  })

  it('asks the console for the MFA code when mfa_serial is set, and sends it to STS', async () => {
    const sts = await stubSts()
    write(
      '[profile admin]\nrole_arn = arn:aws:iam::222233334444:role/Admin\nsource_profile = base\nmfa_serial = arn:aws:iam::111122223333:mfa/alice\n',
      '[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = s\n'
    )
    const hub = new ConsoleActivityHub()
    const provider = credentialProvider(
      { type: 'profile', profile: 'admin' },
      { mfaCode: (profile, serial) => hub.askMfa(profile, serial) }
    )
    const pending = provider()
    // What the renderer does: watch the activity, see the prompt, answer it.
    const activity = await hub.watch(0)
    expect(activity.prompts).toEqual([
      { id: expect.any(String), profile: 'admin', mfaSerial: 'arn:aws:iam::111122223333:mfa/alice' }
    ])
    hub.answerMfa(activity.prompts[0].id, '123456')
    expect(await pending).toMatchObject({ accessKeyId: 'ASIAROLE0' })
    const form = new URLSearchParams(sts.requests[0].body)
    expect(form.get('SerialNumber')).toBe('arn:aws:iam::111122223333:mfa/alice')
    expect(form.get('TokenCode')).toBe('123456')
    // The assumed role is kept: a second use asks for no code and calls STS no more.
    expect(await provider()).toMatchObject({ accessKeyId: 'ASIAROLE0' })
    expect(sts.requests).toHaveLength(1)
    expect(hub.snapshot().prompts).toEqual([])
  })

  it('fails with CredentialsProviderError when the MFA prompt is cancelled', async () => {
    const sts = await stubSts()
    write(
      '[profile admin]\nrole_arn = arn:aws:iam::222233334444:role/Admin\nsource_profile = base\nmfa_serial = arn:aws:iam::111122223333:mfa/alice\n',
      '[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = s\n'
    )
    const hub = new ConsoleActivityHub()
    const pending = credentialProvider(
      { type: 'profile', profile: 'admin' },
      { mfaCode: (profile, serial) => hub.askMfa(profile, serial) }
    )()
    const { prompts } = await hub.watch(0)
    hub.answerMfa(prompts[0].id, undefined)
    const e = await failure(pending)
    expect(e.name).toBe('CredentialsProviderError')
    expect(e.message).toBe(
      "The MFA prompt for arn:aws:iam::111122223333:mfa/alice was cancelled, so the role of profile 'admin' was not assumed."
    )
    expect(sts.requests).toHaveLength(0)
  })
})

describe('credential_process', () => {
  it('runs the command and uses the credentials it prints', async () => {
    const script = join(home, 'creds.js')
    writeFileSync(
      script,
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIAPROCESS', SecretAccessKey: 'p', SessionToken: 'pt', Expiration: new Date(Date.now() + 3600e3).toISOString() }))\n`
    )
    write(`[profile tool]\ncredential_process = "${process.execPath}" "${script}"\n`)
    expect(await resolve('tool')).toMatchObject({
      accessKeyId: 'AKIAPROCESS',
      secretAccessKey: 'p',
      sessionToken: 'pt'
    })
  })
})

describe('SSO profiles', () => {
  const SESSION_CONFIG = [
    '[profile dev]',
    'sso_session = corp',
    'sso_account_id = 123456789012',
    'sso_role_name = PowerUser',
    'region = eu-west-1',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    ''
  ].join('\n')

  it('without a cached token: says so and gives the exact aws sso login command', async () => {
    write(SESSION_CONFIG)
    const e = await failure(resolve('dev'))
    expect(e.name).toBe('CredentialsProviderError')
    expect(e.message).toBe(
      "Profile 'dev' signs in with AWS IAM Identity Center (SSO), and there is no SSO session for it on this computer. Sign in with: aws sso login --profile dev"
    )
    expect(e.details).toEqual({ profile: 'dev', command: 'aws sso login --profile dev' })
  })

  it('with an expired token: says when it expired and gives the command', async () => {
    write(SESSION_CONFIG)
    ssoToken('corp', new Date('2026-01-02T03:04:05.000Z'))
    const e = await failure(resolve('dev'))
    expect(e.message).toBe(
      "The SSO session of profile 'dev' expired at 2026-01-02T03:04:05.000Z. Sign in with: aws sso login --profile dev"
    )
  })

  it('legacy sso_start_url profiles: an expired token gets the same guidance', async () => {
    write(
      '[profile old]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n'
    )
    ssoToken('https://legacy.awsapps.com/start', new Date(Date.now() - 60_000))
    const e = await failure(resolve('old'))
    expect(e.message).toMatch(
      /^The SSO session of profile 'old' expired at .+\. Sign in with: aws sso login --profile old$/
    )
  })

  it('a role whose source profile is SSO: the command names the SSO profile', async () => {
    write(
      SESSION_CONFIG +
        '[profile deploy]\nrole_arn = arn:aws:iam::999988887777:role/Deploy\nsource_profile = dev\n'
    )
    const e = await failure(resolve('deploy'))
    expect(e.message).toMatch(/Sign in with: aws sso login --profile dev$/)
    expect(e.details).toEqual({ profile: 'deploy', command: 'aws sso login --profile dev' })
  })

  it('with a valid token: gets the role credentials from the SSO portal', async () => {
    write(SESSION_CONFIG)
    ssoToken('corp', new Date(Date.now() + 3600_000))
    const portal = await startStub(() => ({
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'sso-1' },
      body: JSON.stringify({
        roleCredentials: {
          accessKeyId: 'ASIASSO',
          secretAccessKey: 'sso-secret',
          sessionToken: 'sso-token',
          expiration: Date.now() + 3600_000
        }
      })
    }))
    stubs.push(portal)
    process.env.AWS_ENDPOINT_URL_SSO = portal.url
    expect(await resolve('dev')).toMatchObject({ accessKeyId: 'ASIASSO' })
    const url = new URL(portal.requests[0].url, portal.url)
    expect(url.pathname).toBe('/federation/credentials')
    expect(url.searchParams.get('account_id')).toBe('123456789012')
    expect(url.searchParams.get('role_name')).toBe('PowerUser')
    expect(portal.requests[0].headers['x-amz-sso_bearer_token']).toBe('sso-access-token')
  })
})

describe('environment', () => {
  it('takes AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAENV'
    process.env.AWS_SECRET_ACCESS_KEY = 'env-secret'
    process.env.AWS_SESSION_TOKEN = 'env-token'
    process.env.AWS_ACCOUNT_ID = '444455556666'
    const c = await credentialProvider({ type: 'environment' }, noMfa)()
    expect(c).toMatchObject({
      accessKeyId: 'AKIAENV',
      secretAccessKey: 'env-secret',
      sessionToken: 'env-token',
      accountId: '444455556666'
    })
  })

  it('says which variables it reads when they are missing', async () => {
    const e = await failure(credentialProvider({ type: 'environment' }, noMfa)())
    expect(e.name).toBe('CredentialsProviderError')
    expect(e.message).toMatch(/AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN/)
  })

  it('region: AWS_REGION, then AWS_DEFAULT_REGION, then the profile', async () => {
    write('[profile dev]\nregion = eu-west-1\n')
    expect(await defaultRegion('dev')).toBe('eu-west-1')
    process.env.AWS_DEFAULT_REGION = 'eu-north-1'
    expect(await defaultRegion('dev')).toBe('eu-north-1')
    process.env.AWS_REGION = 'ap-southeast-2'
    expect(await defaultRegion('dev')).toBe('ap-southeast-2')
  })

  it('AWS_PROFILE and the profile list, without sso-session and services sections', async () => {
    process.env.AWS_PROFILE = 'dev'
    write(
      [
        '[default]',
        'region = us-east-1',
        '[profile dev]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = PowerUser',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        '[services local]',
        'kms =',
        '  endpoint_url = http://localhost:4566',
        '[profile admin]',
        'role_arn = arn:aws:iam::222233334444:role/Admin',
        'source_profile = default',
        'mfa_serial = arn:aws:iam::111122223333:mfa/alice',
        '[profile tool]',
        'credential_process = /usr/bin/true',
        ''
      ].join('\n'),
      '[default]\naws_access_key_id = AKIA\naws_secret_access_key = s\n'
    )
    const info = await profilesInfo()
    expect(info.envProfile).toBe('dev')
    expect(info.profiles.map((p) => [p.name, p.kind])).toEqual([
      ['default', 'keys'],
      ['admin', 'role'],
      ['dev', 'sso'],
      ['tool', 'process']
    ])
    expect(info.profiles.find((p) => p.name === 'dev')).toMatchObject({
      ssoSession: 'corp',
      ssoStartUrl: 'https://corp.awsapps.com/start',
      ssoAccountId: '123456789012',
      ssoRoleName: 'PowerUser',
      files: ['config']
    })
    expect(info.profiles.find((p) => p.name === 'admin')).toMatchObject({
      mfaSerial: 'arn:aws:iam::111122223333:mfa/alice',
      sourceProfile: 'default'
    })
    expect(info.profiles[0].files).toEqual(['config', 'credentials'])
  })
})

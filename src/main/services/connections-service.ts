// The connections API: the local lab (always there) and saved AWS connections (a profile, the
// environment, or keys for a custom endpoint); adding, removing, testing, and switching the
// session's backend. Each connection keeps the region it was last used in.
import { randomUUID } from 'node:crypto'
import { NotFoundException, ValidationException } from '../../shared/errors'
import type {
  ConnectionSummary,
  ConnectionsApi,
  CredentialSource,
  NewCredentials
} from '../../shared/ipc/connections-api'
import type { KmsOutput } from '../../shared/kms/operations'
import { AwsBackend } from '../backends/aws/aws-backend'
import { credentialsKeyOf, type AwsClientPool } from '../backends/aws/aws-clients'
import { describeIdentity } from '../backends/aws/credentials'
import { defaultRegion, profilesInfo, readProfiles } from '../backends/aws/profiles'
import type { CallObserver } from '../backends/call-record'
import {
  LAB_CONNECTION_ID,
  type ConnectionSettings,
  type SavedConnection
} from '../settings/connection-settings'
import type { ConsoleActivityHub } from './console-activity'
import { observedCall } from './kms-service'
import type { Connection, Session } from './session'

export interface ConnectionsDeps {
  session: Session
  /** The lab's connection, the one the session starts on. */
  lab: Connection
  settings: ConnectionSettings
  pool: AwsClientPool
  activity: ConsoleActivityHub
  observe?: CallObserver
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/

export function createConnectionsService(deps: ConnectionsDeps): ConnectionsApi {
  const { session, settings, pool } = deps
  const backends = new Map<string, AwsBackend>()

  const credentialsOf = (saved: SavedConnection): NewCredentials => {
    if (saved.credentials.type !== 'static') return saved.credentials
    const secret = settings.secretOf(saved.id)
    if (!secret) throw new NotFoundException(`The secret of connection '${saved.name}' is gone.`)
    return { ...saved.credentials, ...secret }
  }

  const connectionOf = (saved: SavedConnection): Connection => {
    let backend = backends.get(saved.id)
    if (!backend) {
      const credentials = credentialsOf(saved)
      backend = new AwsBackend(
        {
          credentialsKey: credentialsKeyOf(credentials, saved.id),
          credentials,
          endpoint: saved.endpoint
        },
        pool
      )
      backends.set(saved.id, backend)
    }
    const aws = backend
    return {
      backend: aws,
      label: saved.name,
      id: saved.id,
      get accountId() {
        return aws.accountId ?? settings.get(saved.id)?.accountId
      },
      ...(saved.credentials.type === 'profile' ? { profile: saved.credentials.profile } : {}),
      ...(saved.endpoint ? { endpoint: saved.endpoint } : {})
    }
  }

  const find = (id: string): SavedConnection => {
    const saved = settings.get(id)
    if (!saved) throw new NotFoundException(`Connection ${id} does not exist.`)
    return saved
  }

  const summaries = (): ConnectionSummary[] => [
    {
      id: LAB_CONNECTION_ID,
      name: deps.lab.label,
      kind: 'lab',
      accountId: deps.lab.lab?.accountId,
      active: settings.activeId === LAB_CONNECTION_ID
    },
    ...settings.list().map((c) => summaryOf(c, settings.activeId))
  ]

  const activate = (id: string): void => {
    if (id === LAB_CONNECTION_ID) {
      session.use(deps.lab)
    } else {
      const saved = find(id)
      session.use(connectionOf(saved), saved.region)
    }
    settings.setActive(id)
  }

  if (settings.activeId !== LAB_CONNECTION_ID) {
    try {
      activate(settings.activeId)
    } catch (e) {
      // The console still opens, on the lab, and says why.
      console.warn(
        `KeyLab: connection ${settings.activeId} cannot be restored: ${(e as Error).message}`
      )
      activate(LAB_CONNECTION_ID)
    }
  }
  session.onRegionChange = (region) => {
    if (settings.activeId !== LAB_CONNECTION_ID) settings.update(settings.activeId, { region })
  }

  return {
    async list() {
      return summaries()
    },
    async profiles() {
      return profilesInfo()
    },
    async add(input) {
      const credentials = await checkCredentials(input.credentials)
      const endpoint = input.endpoint ? checkEndpoint(input.endpoint) : undefined
      const profile = credentials.type === 'profile' ? credentials.profile : undefined
      const region = input.region ?? (await defaultRegion(profile)) ?? session.region
      const source: CredentialSource =
        credentials.type === 'static'
          ? { type: 'static', accessKeyId: credentials.accessKeyId }
          : credentials
      const saved = settings.add(
        {
          id: randomUUID(),
          name: input.name?.trim() || defaultName(credentials, endpoint),
          credentials: source,
          region,
          ...(endpoint ? { endpoint } : {})
        },
        credentials.type === 'static'
          ? {
              secretAccessKey: credentials.secretAccessKey,
              ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {})
            }
          : undefined
      )
      return summaryOf(saved, settings.activeId)
    },
    async remove({ id }) {
      if (id === LAB_CONNECTION_ID)
        throw new ValidationException('The local lab connection cannot be removed.')
      const saved = find(id)
      if (settings.activeId === id) activate(LAB_CONNECTION_ID)
      settings.remove(id)
      backends.delete(id)
      const key = credentialsKeyOf(saved.credentials as NewCredentials, id)
      if (
        !settings
          .list()
          .some((c) => credentialsKeyOf(c.credentials as NewCredentials, c.id) === key)
      )
        pool.forget(key)
      return summaries()
    },
    async activate({ id }) {
      activate(id)
      return session.info()
    },
    async test({ id }) {
      const started = Date.now()
      let requestId: string | undefined
      const observe: CallObserver = async (record) => {
        requestId = record.requestId
        await deps.observe?.(record)
      }
      if (id === LAB_CONNECTION_ID) {
        const region = session.region
        await observedCall(deps.lab, region, 'ListKeys', { Limit: 1 }, observe)
        return {
          connectionId: id,
          accountId: deps.lab.lab?.accountId,
          identity: "the lab's console principal",
          region,
          endpoint: 'KeyLab lab (in this process)',
          requestId,
          latencyMs: Date.now() - started
        }
      }
      const saved = find(id)
      const connection = connectionOf(saved)
      const backend = connection.backend as AwsBackend
      const region = settings.activeId === id ? session.region : (saved.region ?? session.region)
      const output = (await observedCall(
        connection,
        region,
        'ListAliases',
        { Limit: 1 },
        observe
      )) as KmsOutput<'ListAliases'>
      const identity = await backend.credentials()
      const caller = await backend.whoAmI(region)
      const fromArn = /^arn:aws[a-z-]*:kms:[^:]*:(\d{12}):/.exec(
        output.Aliases?.[0]?.AliasArn ?? ''
      )
      const accountId = fromArn?.[1] ?? caller?.account ?? identity.accountId ?? backend.accountId
      if (accountId) {
        backend.accountId = accountId
        settings.update(id, { accountId })
      }
      return {
        connectionId: id,
        accountId,
        identity: caller
          ? `${caller.arn} (${await describeIdentity(saved.credentials, identity)})`
          : await describeIdentity(saved.credentials, identity),
        region,
        endpoint: backend.endpointFor(region),
        requestId,
        latencyMs: Date.now() - started
      }
    },
    async answerMfa({ promptId, code }) {
      deps.activity.answerMfa(promptId, code)
      return {}
    }
  }
}

function summaryOf(c: SavedConnection, activeId: string): ConnectionSummary {
  return {
    id: c.id,
    name: c.name,
    kind: 'aws',
    credentials: c.credentials,
    ...(c.region ? { region: c.region } : {}),
    ...(c.endpoint ? { endpoint: c.endpoint } : {}),
    ...(c.accountId ? { accountId: c.accountId } : {}),
    active: c.id === activeId
  }
}

function defaultName(credentials: NewCredentials, endpoint: string | undefined): string {
  const where = endpoint ? ` @ ${new URL(endpoint).host}` : ''
  if (credentials.type === 'profile') return `AWS · ${credentials.profile}${where}`
  if (credentials.type === 'environment') return `AWS · environment${where}`
  return `Endpoint${where}`
}

async function checkCredentials(credentials: NewCredentials): Promise<NewCredentials> {
  if (credentials.type === 'environment') {
    if (!process.env.AWS_ACCESS_KEY_ID || !process.env.AWS_SECRET_ACCESS_KEY)
      throw new ValidationException(
        'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in the environment KeyLab was started from.'
      )
  }
  if (credentials.type === 'profile') {
    const profiles = await readProfiles()
    if (!profiles.get(credentials.profile))
      throw new NotFoundException(
        `The config profile (${credentials.profile}) could not be found in the AWS config or credentials file.`
      )
  }
  return credentials
}

/** Plain http only to this computer: signed requests and answers would cross the network readable. */
function checkEndpoint(endpoint: string): string {
  const url = new URL(endpoint)
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname))
    throw new ValidationException(
      `The endpoint ${endpoint} must use https: KeyLab sends plain http only to this computer (localhost, 127.0.0.1, [::1]).`
    )
  return url.origin + (url.pathname === '/' ? '' : url.pathname)
}

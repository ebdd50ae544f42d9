// The endpoint's credentials: the access keys it accepts, their secrets, and the principal each
// acts as. One admin key pair is generated per lab and kept in the lab store's (encrypted) meta;
// `--credentials ACCESS_KEY_ID:SECRET` replaces it for one run. A set holds any number of keys,
// so least privilege can later map several access keys to several principals.
import { randomBytes, randomInt } from 'node:crypto'
import { ValidationException } from '../../shared/errors'
import type { LabEngine } from '../backends/local/engine'

export interface EndpointCredential {
  accessKeyId: string
  secretAccessKey: string
  /** The principal calls signed with this key act as; the lab admin when not set. */
  principalArn?: string
  /** An access key of a lab principal (IAM), not one of the endpoint's own: no admin routes. */
  principalKey?: boolean
}

/** Finds the access keys of the lab's principals (backends/local/iam/access-key-lookup.ts). */
export type AccessKeyDirectory = (
  accessKeyId: string
) => Promise<{ secretAccessKey: string; principalArn: string } | undefined>

export const CREDENTIALS_META = 'endpoint.credentials'

/** AWS's AccessKeyId member: 16 to 128 word characters. */
const ACCESS_KEY_ID = /^\w{16,128}$/
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export class CredentialSet {
  private readonly byId = new Map<string, EndpointCredential>()
  private directory?: AccessKeyDirectory

  constructor(credentials: readonly EndpointCredential[]) {
    if (!credentials.length) throw new Error('an endpoint needs at least one credential')
    for (const c of credentials) this.byId.set(c.accessKeyId, c)
  }

  lookup(accessKeyId: string): EndpointCredential | undefined {
    return this.byId.get(accessKeyId)
  }

  /** Also accept the access keys of the lab's principals, each signing as its principal. */
  withDirectory(directory: AccessKeyDirectory): this {
    this.directory = directory
    return this
  }

  /** The endpoint's own key of that id, else a lab principal's. */
  async resolve(accessKeyId: string): Promise<EndpointCredential | undefined> {
    const own = this.byId.get(accessKeyId)
    if (own || !this.directory) return own
    const found = await this.directory(accessKeyId)
    return found && { accessKeyId, ...found, principalKey: true }
  }

  /** The key pair shown to the user (the lab admin's). */
  get primary(): EndpointCredential {
    return this.byId.values().next().value as EndpointCredential
  }

  list(): EndpointCredential[] {
    return [...this.byId.values()]
  }
}

/**
 * A new admin key pair. The access key id starts with KEYLAB rather than AKIA, so nobody (and
 * no secret scanner) takes it for a real AWS key.
 */
export function generateCredential(): EndpointCredential {
  let id = 'KEYLAB'
  while (id.length < 20) id += BASE32[randomInt(BASE32.length)]
  return { accessKeyId: id, secretAccessKey: randomBytes(30).toString('base64') }
}

/** Parses `ACCESS_KEY_ID:SECRET` (the secret may itself contain ':'). */
export function parseCredentialsArg(arg: string): EndpointCredential {
  const at = arg.indexOf(':')
  const accessKeyId = at < 0 ? arg : arg.slice(0, at)
  const secretAccessKey = at < 0 ? '' : arg.slice(at + 1)
  if (!ACCESS_KEY_ID.test(accessKeyId)) {
    throw new ValidationException(
      '--credentials must be ACCESS_KEY_ID:SECRET, with an access key id of 16 to 128 letters, digits or _'
    )
  }
  if (!secretAccessKey || /\s/.test(secretAccessKey)) {
    throw new ValidationException(
      '--credentials must be ACCESS_KEY_ID:SECRET, with a secret and no spaces'
    )
  }
  return { accessKeyId, secretAccessKey }
}

function isCredential(v: unknown): v is EndpointCredential {
  const c = v as EndpointCredential
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.accessKeyId === 'string' &&
    typeof c.secretAccessKey === 'string' &&
    (c.principalArn === undefined || typeof c.principalArn === 'string')
  )
}

/** The lab's stored credentials, created (and kept) on first use. */
export async function storedCredentials(engine: LabEngine): Promise<CredentialSet> {
  const stored = engine.meta(CREDENTIALS_META)
  if (stored !== undefined) {
    const list: unknown = JSON.parse(stored)
    if (Array.isArray(list) && list.length && list.every(isCredential))
      return new CredentialSet(list)
    throw new Error(`the lab's ${CREDENTIALS_META} setting is not a list of credentials`)
  }
  const created = [generateCredential()]
  await engine.setMeta(CREDENTIALS_META, JSON.stringify(created))
  return new CredentialSet(created)
}

/** What an endpoint run accepts: `--credentials` when given, else the lab's own. */
export async function endpointCredentials(
  engine: LabEngine,
  override?: string
): Promise<CredentialSet> {
  if (override !== undefined) return new CredentialSet([parseCredentialsArg(override)])
  return storedCredentials(engine)
}

// The lab's record of one grant on a KMS key, and grant tokens. A token names its grant, so a
// grant is usable through its token at once (AWS documents eventual consistency for new grants
// and tokens as the way around it; the lab's grants are effective immediately either way).
import { randomBytes } from 'node:crypto'
import type { GrantConstraints, GrantListEntry } from '../../../../shared/kms/types'
import { InvalidGrantTokenException, ValidationException } from '../../../../shared/errors'
import { isAwsPrincipal } from '../policy/policy-document'
import type { LabState } from './lab-state'

export const GRANT_RECORD = 'grant'

export interface LabGrant {
  grantId: string
  keyId: string
  keyArn: string
  region: string
  seq: number
  name: string
  granteePrincipal: string
  retiringPrincipal?: string
  issuingAccount: string
  operations: string[]
  constraints?: GrantConstraints
  createdAt: number
}

const TOKEN_PREFIX = 'keylab-grant-token:'

export function newGrantId(): string {
  return randomBytes(32).toString('hex')
}

export function grantToken(grantId: string): string {
  return Buffer.from(`${TOKEN_PREFIX}${grantId}:${randomBytes(24).toString('hex')}`).toString(
    'base64url'
  )
}

/** The grant id a token names, or undefined when it is not a grant token of this lab. */
export function grantIdOfToken(token: string): string | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8')
  const m = /^keylab-grant-token:([0-9a-f]{64}):[0-9a-f]{48}$/.exec(text)
  return m?.[1]
}

const byKeyCache = new WeakMap<LabState, { version: number; byKey: Map<string, LabGrant[]> }>()

/** The grants of a key in creation order, indexed once per lab-state version. */
export function grantsOfKey(state: LabState, keyId: string): LabGrant[] {
  let cached = byKeyCache.get(state)
  if (!cached || cached.version !== state.version) {
    const byKey = new Map<string, LabGrant[]>()
    for (const g of state.records<LabGrant>(GRANT_RECORD).values()) {
      let list = byKey.get(g.keyId)
      if (!list) byKey.set(g.keyId, (list = []))
      list.push(g)
    }
    for (const list of byKey.values()) list.sort((a, b) => a.seq - b.seq)
    cached = { version: state.version, byKey }
    byKeyCache.set(state, cached)
  }
  return cached.byKey.get(keyId) ?? []
}

export function grantEntry(g: LabGrant): GrantListEntry {
  return {
    KeyId: g.keyArn,
    GrantId: g.grantId,
    ...(g.name ? { Name: g.name } : {}),
    CreationDate: new Date(g.createdAt),
    GranteePrincipal: g.granteePrincipal,
    ...(g.retiringPrincipal ? { RetiringPrincipal: g.retiringPrincipal } : {}),
    IssuingAccount: g.issuingAccount,
    Operations: g.operations as GrantListEntry['Operations'],
    ...(g.constraints ? { Constraints: g.constraints } : {})
  }
}

/** Every token in GrantTokens must be a grant token (the lab's own format). */
export function validateGrantTokens(tokens: readonly string[] | undefined): void {
  for (const token of tokens ?? []) {
    if (!grantIdOfToken(token))
      throw new InvalidGrantTokenException('The grant token is not valid.')
  }
}

const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/

/** Grantee and retiring principals: an AWS principal ARN, an account id, or a service. */
export function checkGrantPrincipal(value: string, member: string): void {
  if (isAwsPrincipal(value) && value !== '*') return
  if (SERVICE_PRINCIPAL.test(value)) return
  throw new ValidationException(`${member} ${value} is not a valid principal.`)
}

// Whether a grant allows a request: the grantee is the caller, the operation is one of the
// grant's, and for operations with an encryption context its constraints hold (keys compared
// case-insensitively, values exactly, as AWS documents for grant constraints); a grant made
// through a grant's CreateGrant permission must be at least as strictly constrained.
// https://docs.aws.amazon.com/kms/latest/developerguide/grants.html
import type { StatementTrace } from '../../../../shared/iam/authorization'
import { ENCRYPTION_CONTEXT_OPERATIONS } from '../../../../shared/iam/kms-actions'
import type { CallerIdentity } from './request-context'

export interface GrantConstraintsView {
  EncryptionContextSubset?: Record<string, string>
  EncryptionContextEquals?: Record<string, string>
}

export interface GrantView {
  grantId: string
  name?: string
  granteePrincipal: string
  operations: string[]
  constraints?: GrantConstraintsView
}

export interface GrantRequest {
  action: string
  caller: CallerIdentity
  encryptionContext?: Record<string, string>
  /** CreateGrant: the constraints of the grant being created. */
  grantConstraints?: GrantConstraintsView
}

export interface GrantOutcome {
  /** direct: allows the caller; account: names the caller's account (IAM policies decide). */
  match: 'direct' | 'account' | 'none'
  trace: Pick<StatementTrace, 'outcome' | 'reason'>
}

function lowerKeys(map: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]))
}

export function constraintsHold(
  constraints: GrantConstraintsView | undefined,
  context: Record<string, string> | undefined
): boolean {
  const request = lowerKeys(context ?? {})
  const subset = constraints?.EncryptionContextSubset
  if (subset) {
    for (const [k, v] of lowerKeys(subset)) if (request.get(k) !== v) return false
  }
  const equals = constraints?.EncryptionContextEquals
  if (equals) {
    const want = lowerKeys(equals)
    if (want.size !== request.size) return false
    for (const [k, v] of want) if (request.get(k) !== v) return false
  }
  return true
}

/** The answer for a grant to someone else (most grants of a key): no trace is kept for it. */
export const OTHER_GRANTEE: GrantOutcome = {
  match: 'none',
  trace: { outcome: 'skipped', reason: 'its grantee is another principal' }
}

export function grantApplies(grant: GrantView, req: GrantRequest): GrantOutcome {
  const { caller } = req
  const grantee = grant.granteePrincipal
  const direct = grantee === caller.principalArn || grantee === caller.callerArn
  const account =
    grantee === caller.accountId ||
    (grantee.endsWith(':root') && grantee === `arn:aws:iam::${caller.accountId}:root`)
  if (!direct && !account) return OTHER_GRANTEE
  const operation = req.action.startsWith('kms:') ? req.action.slice(4) : req.action
  if (!grant.operations.includes(operation)) {
    return {
      match: 'none',
      trace: { outcome: 'skipped', reason: `${operation} is not one of its operations` }
    }
  }
  if (
    ENCRYPTION_CONTEXT_OPERATIONS.has(operation) &&
    !constraintsHold(grant.constraints, req.encryptionContext)
  ) {
    const kind = grant.constraints?.EncryptionContextEquals
      ? 'EncryptionContextEquals'
      : 'EncryptionContextSubset'
    return {
      match: 'none',
      trace: {
        outcome: 'skipped',
        reason: `the request's encryption context does not satisfy its ${kind} constraint`
      }
    }
  }
  if (operation === 'CreateGrant' && !atLeastAsStrict(grant.constraints, req.grantConstraints)) {
    return {
      match: 'none',
      trace: {
        outcome: 'skipped',
        reason:
          'the new grant would be less strict than its encryption context constraint (a grant made with it must have an equal or stricter constraint)'
      }
    }
  }
  if (account) {
    return {
      match: 'account',
      trace: {
        outcome: 'delegates',
        reason: `it is granted to the account, so IAM policies may allow ${operation}`
      }
    }
  }
  return { match: 'direct', trace: { outcome: 'applies', reason: `it allows ${operation}` } }
}

/**
 * A grant made with a parent grant's CreateGrant permission must be as strict: every pair the
 * parent requires is required too, and an Equals parent is only matched by the same Equals.
 */
export function atLeastAsStrict(
  parent: GrantConstraintsView | undefined,
  child: GrantConstraintsView | undefined
): boolean {
  if (!parent?.EncryptionContextSubset && !parent?.EncryptionContextEquals) return true
  const childPairs = child?.EncryptionContextEquals ?? child?.EncryptionContextSubset
  if (!childPairs) return false
  if (parent.EncryptionContextEquals) {
    return (
      child?.EncryptionContextEquals !== undefined &&
      constraintsHold({ EncryptionContextEquals: parent.EncryptionContextEquals }, childPairs)
    )
  }
  return constraintsHold({ EncryptionContextSubset: parent.EncryptionContextSubset }, childPairs)
}

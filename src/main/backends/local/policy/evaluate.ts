// One authorization check (an action on a resource) the way AWS KMS decides it: an explicit
// deny anywhere wins; otherwise the key policy allows the caller, or its account statement lets
// the caller's IAM policies allow it, or a grant does; otherwise it is implicitly denied.
// https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html
import type {
  AuthorizationCheck,
  PolicyTrace,
  StatementTrace
} from '../../../../shared/iam/authorization'
import {
  grantApplies,
  OTHER_GRANTEE,
  type GrantConstraintsView,
  type GrantView
} from './grant-match'
import type { PolicyDocument } from './policy-document'
import type { CallerIdentity, ConditionContext } from './request-context'
import { matchStatement, type MatchRequest } from './statement-match'
import { denialMessage, suggestFix } from './explain'

export interface NamedPolicy {
  source: 'inline' | 'managed'
  name: string
  arn?: string
  document: PolicyDocument
}

export interface CheckRequest {
  action: string
  resource: string
  /** key: key policy + IAM + grants; iam: identity policies only. */
  scope: 'key' | 'iam'
  caller: CallerIdentity
  context: ConditionContext
  keyPolicy?: PolicyDocument
  identityPolicies: NamedPolicy[]
  grants: GrantView[]
  encryptionContext?: Record<string, string>
  /** CreateGrant: the constraints of the grant being created (for grant-based permission). */
  grantConstraints?: GrantConstraintsView
  /** Keep the reason of every statement that does not apply (false: only what decides). */
  trace?: boolean
}

interface Hit {
  policy: PolicyTrace
  statement: StatementTrace
}

const label = (hit: Hit): string => {
  const st = hit.statement.sid ? `"${hit.statement.sid}"` : `#${hit.statement.index + 1}`
  return `${hit.policy.source === 'key-policy' ? 'the key policy' : `${hit.policy.source} policy ${hit.policy.name}`}, statement ${st}`
}

export function evaluateCheck(req: CheckRequest): AuthorizationCheck {
  const match: MatchRequest = req
  const policies: PolicyTrace[] = []
  let keyAllow: Hit | undefined
  let keyDeny: Hit | undefined
  let delegates = false
  if (req.scope === 'key' && req.keyPolicy) {
    const trace: PolicyTrace = { source: 'key-policy', name: 'Key policy', statements: [] }
    policies.push(trace)
    for (const st of req.keyPolicy.statements) {
      const out = matchStatement(st, match, true, req.trace !== false)
      if (out.trace.index >= 0) trace.statements.push(out.trace)
      if (!out.applies) continue
      if (st.effect === 'Deny') keyDeny ??= { policy: trace, statement: out.trace }
      else if (out.trace.outcome === 'delegates') delegates = true
      else keyAllow ??= { policy: trace, statement: out.trace }
    }
  }
  let idAllow: Hit | undefined
  let idDeny: Hit | undefined
  for (const p of req.identityPolicies) {
    const trace: PolicyTrace = { source: p.source, name: p.name, arn: p.arn, statements: [] }
    policies.push(trace)
    for (const st of p.document.statements) {
      const out = matchStatement(st, match, false, req.trace !== false)
      if (out.trace.index >= 0) trace.statements.push(out.trace)
      if (!out.applies) continue
      if (st.effect === 'Deny') idDeny ??= { policy: trace, statement: out.trace }
      else idAllow ??= { policy: trace, statement: out.trace }
    }
  }
  let grantAllow: Hit | undefined
  let grantToAccount = false
  if (req.scope === 'key') {
    for (const g of req.grants) {
      const out = grantApplies(g, req)
      // Grants for other principals are not part of this caller's story: left out of the trace.
      if (out === OTHER_GRANTEE) continue
      const trace: PolicyTrace = {
        source: 'grant',
        name: g.name || g.grantId,
        statements: [{ index: 0, effect: 'Allow', ...out.trace }]
      }
      policies.push(trace)
      if (out.match === 'direct') grantAllow ??= { policy: trace, statement: trace.statements[0] }
      if (out.match === 'account') grantToAccount = true
    }
  }

  const check: AuthorizationCheck = {
    action: req.action,
    resource: req.resource,
    scope: req.scope,
    decision: 'ImplicitDeny',
    policies
  }
  if (req.scope === 'key') check.keyPolicyDelegates = delegates
  if (keyDeny || idDeny) {
    check.decision = 'ExplicitDeny'
    check.deniedIn = keyDeny ? 'resource-based' : 'identity-based'
    check.decidedBy = label((keyDeny ?? idDeny)!)
    const denyArn = !keyDeny && idDeny?.policy.source === 'managed' ? idDeny.policy.arn : undefined
    check.message = denialMessage(req, check, denyArn)
  } else if (req.scope === 'iam') {
    if (idAllow) {
      check.decision = 'Allow'
      check.decidedBy = label(idAllow)
    } else check.deniedIn = 'identity-based'
  } else if (keyAllow) {
    check.decision = 'Allow'
    check.decidedBy = label(keyAllow)
  } else if ((delegates || grantToAccount) && idAllow) {
    check.decision = 'Allow'
    check.decidedBy = label(idAllow)
  } else if (grantAllow) {
    check.decision = 'Allow'
    check.decidedBy = `grant ${grantAllow.policy.name}`
  } else {
    check.deniedIn = delegates ? 'identity-based' : 'resource-based'
  }
  if (check.decision === 'ImplicitDeny') check.message = denialMessage(req, check)
  if (check.decision !== 'Allow') check.fix = suggestFix(req, check)
  return check
}

// Whether one policy statement applies to a request: its principal, action, resource and
// condition, each with the reason it does not, for the explanation.
import type { StatementTrace } from '../../../../shared/iam/authorization'
import { evaluateConditions } from './conditions'
import type { PrincipalSpec, Statement } from './policy-document'
import type { CallerIdentity, ConditionContext } from './request-context'
import { matchSubstituted, substituteVariables, wildcardMatch } from './wildcard'

export interface MatchRequest {
  action: string
  resource: string
  caller: CallerIdentity
  context: ConditionContext
}

/** direct: names the caller (or everyone); account: names the caller's account only. */
export type PrincipalMatch = 'direct' | 'account' | 'none'

export function principalMatch(spec: PrincipalSpec, caller: CallerIdentity): PrincipalMatch {
  if (spec === '*') return 'direct'
  let result: PrincipalMatch = 'none'
  for (const value of spec.AWS ?? []) {
    if (value === '*' || value === caller.principalArn || value === caller.callerArn) {
      return 'direct'
    }
    const account = /^\d{12}$/.test(value)
      ? value
      : /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(value)?.[1]
    if (account === caller.accountId) result = 'account'
  }
  return result
}

function actionMatches(st: Statement, action: string): string | undefined {
  if (st.action) {
    return st.action.some((p) => wildcardMatch(p, action, true))
      ? undefined
      : `${action} is not in its Action`
  }
  return st.notAction!.some((p) => wildcardMatch(p, action, true))
    ? `${action} is excluded by its NotAction`
    : undefined
}

function resourceMatches(
  st: Statement,
  resource: string,
  context: ConditionContext
): string | undefined {
  const hit = (pattern: string): boolean => {
    if (pattern === '*') return true
    // In a key policy, Resource "*" means this key; a key ARN there names it explicitly.
    const p = substituteVariables(pattern, context, true)
    return p !== undefined && matchSubstituted(p, resource)
  }
  if (st.resource) {
    return st.resource.some(hit) ? undefined : `${resource} does not match its Resource`
  }
  return st.notResource!.some(hit) ? `${resource} is excluded by its NotResource` : undefined
}

export interface StatementOutcome {
  trace: StatementTrace
  /** For key policy statements: how the principal matched. */
  principal: PrincipalMatch
  applies: boolean
}

const UNTRACED: StatementOutcome = {
  trace: { index: -1, effect: 'Allow', outcome: 'skipped', reason: '' },
  principal: 'none',
  applies: false
}

/** Whether `st` applies to `req`; without `trace`, a statement that does not apply gets no reason. */
export function matchStatement(
  st: Statement,
  req: MatchRequest,
  keyPolicy: boolean,
  trace = true
): StatementOutcome {
  const base = { index: st.index, sid: st.sid, effect: st.effect }
  const skip = (reason: () => string, principal: PrincipalMatch = 'none'): StatementOutcome =>
    trace
      ? { trace: { ...base, outcome: 'skipped', reason: reason() }, principal, applies: false }
      : UNTRACED
  let principal: PrincipalMatch = 'direct'
  if (keyPolicy) {
    if (st.principal) principal = principalMatch(st.principal, req.caller)
    else principal = principalMatch(st.notPrincipal!, req.caller) === 'none' ? 'direct' : 'none'
    if (principal === 'none') {
      return skip(
        () =>
          `its ${st.principal ? 'Principal' : 'NotPrincipal'} does not cover ${req.caller.callerArn}`
      )
    }
  }
  const actionMiss = actionMatches(st, req.action)
  if (actionMiss) return skip(() => actionMiss, principal)
  const resourceMiss = resourceMatches(st, req.resource, req.context)
  if (resourceMiss) return skip(() => resourceMiss, principal)
  if (st.condition) {
    const cond = evaluateConditions(st.condition, req.context)
    if (!cond.ok) return skip(() => `its condition ${cond.failed} is not met`, principal)
  }
  if (keyPolicy && principal === 'account' && st.effect === 'Allow') {
    return {
      trace: {
        ...base,
        outcome: 'delegates',
        reason: `it allows the account ${req.caller.accountId} (root), so IAM policies may allow ${req.action}`
      },
      principal,
      applies: true
    }
  }
  return {
    trace: {
      ...base,
      outcome: 'applies',
      reason: `it ${st.effect === 'Allow' ? 'allows' : 'denies'} ${req.action} on ${req.resource}`
    },
    principal,
    applies: true
  }
}

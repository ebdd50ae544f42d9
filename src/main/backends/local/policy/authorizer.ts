// The lab's authorizer (EngineOptions.authorize): finds who calls, what the operation needs
// (authorization-spec.ts), the key each check is about, and evaluates; a denial is AWS's
// AccessDeniedException with the whole explanation in `details`. A key that does not exist is
// not authorized against: the operation answers NotFoundException as AWS does.
import { parseBlob } from '../crypto/ciphertext-blob'
import { AccessDeniedException, KmsError, NotFoundException } from '../../../../shared/errors'
import type {
  AuthorizationCheck,
  AuthorizationExplanation
} from '../../../../shared/iam/authorization'
import { aliasArn, parseKeyReference } from '../../../../shared/kms/arn'
import type { KmsOperationName } from '../../../../shared/kms/operations'
import type { Authorizer } from '../engine'
import type { OperationContext } from '../context'
import { IamDirectory } from '../iam/iam-directory'
import { GRANT_RECORD, grantIdOfToken, grantsOfKey, type LabGrant } from '../model/grant'
import { keyArnOf, type LabKey } from '../model/key'
import { resolveKey } from '../model/resolve-key'
import { AUTHORIZATION_SPEC, type CheckSpec } from './authorization-spec'
import { evaluateCheck, type NamedPolicy } from './evaluate'
import type { GrantConstraintsView } from './grant-match'
import { parsePolicy, type PolicyDocument } from './policy-document'
import { buildContext, type CallerIdentity } from './request-context'

/** The key a lab ciphertext blob names (crypto/ciphertext-blob.ts), for Decrypt and ReEncrypt. */
const blobKeyId = (blob: Uint8Array): string | undefined => parseBlob(blob)?.keyId

export interface AuthorizerOptions {
  /** The key id a ciphertext blob names; default: the lab's own blob format. */
  ciphertextKeyId?: (blob: Uint8Array) => string | undefined
}

const keyPolicies = new Map<string, PolicyDocument | undefined>()

function keyPolicyOf(key: LabKey): PolicyDocument | undefined {
  if (!keyPolicies.has(key.policy)) {
    let doc: PolicyDocument | undefined
    try {
      doc = parsePolicy(key.policy, 'key')
    } catch {
      doc = undefined
    }
    if (keyPolicies.size > 1000) keyPolicies.clear()
    keyPolicies.set(key.policy, doc)
  }
  return keyPolicies.get(key.policy)
}

interface Subject {
  ctx: OperationContext
  op: string
  input: Record<string, unknown>
  caller: CallerIdentity
  policies: NamedPolicy[]
  trace: boolean
}

function keyFor(ctx: OperationContext, ref: unknown, aliases: boolean): LabKey | undefined {
  if (typeof ref !== 'string') return undefined
  try {
    return resolveKey(ctx, ref, { aliases })
  } catch (e) {
    if (e instanceof NotFoundException) return undefined
    throw e
  }
}

function requestAliasOf(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined
  const parsed = parseKeyReference(ref)
  return parsed.kind === 'aliasName' || parsed.kind === 'aliasArn' ? parsed.aliasName : undefined
}

function keyCheck(
  s: Subject,
  action: string,
  key: LabKey,
  requestAlias?: string
): AuthorizationCheck {
  const context = buildContext({
    caller: s.caller,
    operation: s.op,
    input: s.input,
    key,
    keyAliases: s.ctx.state.aliasesOf(key).map((a) => a.aliasName),
    requestAlias,
    now: s.ctx.now,
    region: s.ctx.region,
    sourceIp: s.ctx.caller.sourceIp,
    userAgent: s.ctx.caller.userAgent
  })
  return evaluateCheck({
    action,
    resource: keyArnOf(key),
    scope: 'key',
    caller: s.caller,
    context,
    keyPolicy: keyPolicyOf(key),
    identityPolicies: s.policies,
    grants: grantsOfKey(s.ctx.state, key.keyId),
    encryptionContext: s.input.EncryptionContext as Record<string, string> | undefined,
    grantConstraints:
      s.op === 'CreateGrant' ? (s.input.Constraints as GrantConstraintsView) : undefined,
    trace: s.trace
  })
}

function iamCheck(s: Subject, action: string, resource: string): AuthorizationCheck {
  const context = buildContext({
    caller: s.caller,
    operation: s.op,
    input: s.input,
    now: s.ctx.now,
    region: s.ctx.region,
    sourceIp: s.ctx.caller.sourceIp,
    userAgent: s.ctx.caller.userAgent
  })
  return evaluateCheck({
    action,
    resource,
    scope: 'iam',
    caller: s.caller,
    context,
    identityPolicies: s.policies,
    grants: [],
    trace: s.trace
  })
}

function grantOf(s: Subject): LabGrant | undefined {
  const grants = s.ctx.state.records<LabGrant>(GRANT_RECORD)
  const token = s.input.GrantToken
  const id = typeof token === 'string' ? grantIdOfToken(token) : s.input.GrantId
  return typeof id === 'string' ? grants.get(id) : undefined
}

function run(s: Subject, spec: CheckSpec, options: AuthorizerOptions): AuthorizationCheck[] {
  switch (spec.kind) {
    case 'iam':
      return !spec.when || spec.when(s.input) ? [iamCheck(s, spec.action, '*')] : []
    case 'alias': {
      const name = s.input[spec.field]
      if (typeof name !== 'string') return []
      return [iamCheck(s, spec.action, aliasArn(s.ctx.region, s.ctx.accountId, name))]
    }
    case 'alias-target': {
      const name = s.input[spec.field]
      const alias = typeof name === 'string' ? s.ctx.state.alias(s.ctx.region, name) : undefined
      const key = alias && s.ctx.state.key(alias.targetKeyId)
      return key ? [keyCheck(s, spec.action, key)] : []
    }
    case 'key': {
      const ref = s.input[spec.field]
      const key = keyFor(s.ctx, ref, spec.aliases)
      return key ? [keyCheck(s, spec.action, key, requestAliasOf(ref))] : []
    }
    case 'ciphertext-key': {
      const ref = s.input[spec.field]
      let key = ref !== undefined ? keyFor(s.ctx, ref, true) : undefined
      const blob = s.input[spec.blobField]
      if (!key && ref === undefined && blob instanceof Uint8Array) {
        const id = (options.ciphertextKeyId ?? blobKeyId)(blob)
        key = id ? s.ctx.state.key(id) : undefined
      }
      return key ? [keyCheck(s, spec.action, key, requestAliasOf(ref))] : []
    }
    case 'retire-grant': {
      const grant = grantOf(s)
      const key = grant && s.ctx.state.key(grant.keyId)
      if (!grant || !key) return []
      const me = [s.caller.principalArn, s.caller.callerArn]
      const retiring = grant.retiringPrincipal !== undefined && me.includes(grant.retiringPrincipal)
      const grantee =
        me.includes(grant.granteePrincipal) && grant.operations.includes('RetireGrant')
      if (retiring || grantee) {
        return [
          {
            action: 'kms:RetireGrant',
            resource: keyArnOf(key),
            scope: 'key',
            decision: 'Allow',
            decidedBy: `grant ${grant.grantId} names the caller as its ${retiring ? 'retiring principal' : 'grantee, with the RetireGrant operation'}`,
            policies: []
          }
        ]
      }
      return [keyCheck(s, 'kms:RetireGrant', key)]
    }
  }
}

/** Evaluates every check an operation needs, as `principalArn` (lab-admin when undefined). */
export function explainRequest(
  ctx: OperationContext,
  op: KmsOperationName,
  input: unknown,
  options: AuthorizerOptions = {},
  specs: readonly CheckSpec[] = AUTHORIZATION_SPEC[op],
  trace = true
): AuthorizationExplanation {
  const dir = new IamDirectory(ctx.state, ctx.accountId)
  const { identity, principal } = dir.caller(ctx.caller.principalArn)
  const subject: Subject = {
    ctx,
    op,
    input: (input ?? {}) as Record<string, unknown>,
    caller: identity,
    policies: dir.identityPolicies(principal),
    trace
  }
  const checks = specs.flatMap((spec) => run(subject, spec, options))
  return {
    kind: 'keylab.authorization',
    operation: op,
    principalArn: identity.principalArn,
    callerArn: identity.callerArn,
    decision: checks.every((c) => c.decision === 'Allow') ? 'Allow' : 'Deny',
    checks,
    enforced: true
  }
}

/** Whether calls as this principal are checked: always, except lab-admin unless enforced for all. */
export function isEnforced(ctx: OperationContext): boolean {
  const dir = new IamDirectory(ctx.state, ctx.accountId)
  const arn = ctx.caller.principalArn ?? dir.labAdminArn
  return arn !== dir.labAdminArn || dir.enforceForAll()
}

export function accessDenied(explanation: AuthorizationExplanation): KmsError {
  const denied = explanation.checks.find((c) => c.decision !== 'Allow')!
  const error = new AccessDeniedException(denied.message ?? 'Access denied')
  error.details = explanation as unknown as Record<string, unknown>
  return error
}

export function createAuthorizer(options: AuthorizerOptions = {}): Authorizer {
  return (ctx, op, input) => {
    if (!isEnforced(ctx)) return
    // Decide first without the reasons of statements that do not apply; explain only a denial.
    const quick = explainRequest(ctx, op, input, options, AUTHORIZATION_SPEC[op], false)
    if (quick.decision === 'Deny') throw accessDenied(explainRequest(ctx, op, input, options))
  }
}

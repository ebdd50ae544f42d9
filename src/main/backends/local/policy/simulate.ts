// The policy simulator: would this principal be allowed this KMS action (on this key)? Runs
// the same evaluation as the authorizer, for one action, and always evaluates (also for
// lab-admin while enforcement is off for it, saying so in `enforced`).
import { ValidationException } from '../../../../shared/errors'
import type { AuthorizationExplanation } from '../../../../shared/iam/authorization'
import { KMS_ACTIONS } from '../../../../shared/iam/kms-actions'
import type { SimulateInput } from '../../../../shared/ipc/iam-api'
import { isOperationName } from '../../../../shared/kms/operations'
import type { OperationContext } from '../context'
import { resolveKey } from '../model/resolve-key'
import { AUTHORIZATION_SPEC, type CheckSpec } from './authorization-spec'
import { explainRequest, isEnforced } from './authorizer'

/** Whether an action is authorized by IAM alone (no key involved), like kms:CreateKey. */
export function isIamOnlyAction(name: string): boolean {
  if (!isOperationName(name)) return false
  return AUTHORIZATION_SPEC[name].every((s) => s.kind === 'iam')
}

export function simulate(ctx: OperationContext, input: SimulateInput): AuthorizationExplanation {
  const name = input.action.replace(/^kms:/i, '')
  const canonical = Object.keys(KMS_ACTIONS).find((a) => a.toLowerCase() === name.toLowerCase())
  if (!canonical || !/^kms:/i.test(input.action)) {
    throw new ValidationException(`${input.action} is not a KMS action.`)
  }
  const action = `kms:${canonical}`
  let spec: CheckSpec
  if (isIamOnlyAction(canonical) || !input.keyId) {
    if (!isIamOnlyAction(canonical) && KMS_ACTIONS[canonical] && !input.keyId) {
      const keyless = ['CreateCustomKeyStore', 'DescribeCustomKeyStores'].includes(canonical)
      if (!keyless) throw new ValidationException(`${action} acts on a KMS key: choose a key.`)
    }
    spec = { kind: 'iam', action }
  } else {
    resolveKey(ctx, input.keyId, { aliases: true })
    spec = { kind: 'key', action, field: 'KeyId', aliases: true }
  }
  const explanation = explainRequest(
    ctx,
    isOperationName(canonical) ? canonical : 'DescribeKey',
    { KeyId: input.keyId, EncryptionContext: input.encryptionContext },
    {},
    [spec]
  )
  return { ...explanation, operation: action, enforced: isEnforced(ctx) }
}

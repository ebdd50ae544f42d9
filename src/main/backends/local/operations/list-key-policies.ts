// ListKeyPolicies: the names of the key's policies; KMS keys have one, `default`.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html
import type { Operation } from '../context'
import { DEFAULT_POLICY_NAME } from '../model/key-policy'
import { checkKeyState } from '../model/key-state'
import { page } from '../model/paging'
import { resolveKey } from '../model/resolve-key'

export const listKeyPolicies: Operation<'ListKeyPolicies'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('ListKeyPolicies', key)
  const result = page([DEFAULT_POLICY_NAME], (n) => n, input.Limit ?? 100, input.Marker)
  return {
    PolicyNames: result.items,
    ...(result.nextMarker ? { NextMarker: result.nextMarker } : {}),
    Truncated: result.truncated
  }
}

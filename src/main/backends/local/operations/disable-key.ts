// DisableKey: the key can no longer be used in cryptographic operations until it is enabled.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const disableKey: Operation<'DisableKey'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('DisableKey', key)
  if (key.state !== 'Disabled') {
    ctx.state.write(() => ctx.state.putKey({ ...key, state: 'Disabled' }))
  }
  return {}
}

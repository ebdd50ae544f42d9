// UpdateKeyDescription: replaces the key's description (an empty string clears it).
// https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'

export const updateKeyDescription: Operation<'UpdateKeyDescription'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('UpdateKeyDescription', key)
  const description = input.Description ?? ''
  if (description !== key.description) {
    ctx.state.write(() => ctx.state.putKey({ ...key, description }))
  }
  return {}
}

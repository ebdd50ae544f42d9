// EnableKey: a Disabled key becomes Enabled (an Enabled key stays so). Automatic rotation that
// fell due while the key was disabled happens at once.
// https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html
import type { Operation } from '../context'
import { checkKeyState } from '../model/key-state'
import { resolveKey } from '../model/resolve-key'
import { resumeRotation } from '../model/rotation'

export const enableKey: Operation<'EnableKey'> = (ctx, input) => {
  const key = resolveKey(ctx, input.KeyId as string)
  checkKeyState('EnableKey', key)
  if (key.state !== 'Enabled') {
    ctx.state.write(() => ctx.state.putKey(resumeRotation({ ...key, state: 'Enabled' }, ctx)))
  }
  return {}
}

// Pending and error state for one kind of call: `run` resolves with the value, or records the
// error (an AWS-named KmsError from the bridge) for the view to show, and resolves undefined.
import { ref, shallowRef } from 'vue'
import type { KmsError } from '../../../shared/errors'

export function useCall() {
  const pending = ref(false)
  const error = shallowRef<KmsError | Error | undefined>()

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    pending.value = true
    error.value = undefined
    try {
      return await fn()
    } catch (e) {
      error.value = e as Error
      return undefined
    } finally {
      pending.value = false
    }
  }

  return { pending, error, run, clear: () => (error.value = undefined) }
}

// Copying to the clipboard. A sensitive value is cleared from the clipboard 30 s later (if it is
// still what the clipboard holds), even when the page that copied it is gone by then.
import { ref } from 'vue'

export const CLEAR_AFTER_MS = 30_000
let clearTimer: ReturnType<typeof setTimeout> | undefined

async function clearIfStill(text: string): Promise<void> {
  try {
    const now = await navigator.clipboard.readText()
    if (now !== text) return
  } catch {
    // Reading may be refused; clearing a secret then beats leaving it.
  }
  await navigator.clipboard.writeText('').catch(() => {})
}

export function useSecretClipboard() {
  const copied = ref(false)
  const failed = ref(false)

  async function copy(text: string, sensitive: boolean): Promise<void> {
    try {
      await navigator.clipboard.writeText(text)
      copied.value = true
      failed.value = false
      setTimeout(() => (copied.value = false), 1500)
    } catch {
      failed.value = true
      return
    }
    if (sensitive) {
      if (clearTimer) clearTimeout(clearTimer)
      clearTimer = setTimeout(() => void clearIfStill(text), CLEAR_AFTER_MS)
    }
  }

  return { copy, copied, failed }
}

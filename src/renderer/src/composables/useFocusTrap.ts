// Keeps keyboard focus inside a dialog while it is open: focuses its first field (or first
// control) on open, cycles Tab within it, and gives focus back to where it was on close.
import { nextTick, onBeforeUnmount, onMounted, type Ref } from 'vue'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function useFocusTrap(container: Ref<HTMLElement | null>): void {
  let before: HTMLElement | null = null

  const focusables = (): HTMLElement[] =>
    [...(container.value?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
      (el) => el.offsetParent !== null || el === document.activeElement
    )

  function onKey(e: KeyboardEvent): void {
    if (e.key !== 'Tab' || !container.value) return
    const list = focusables()
    if (!list.length) return
    const first = list[0]
    const last = list[list.length - 1]
    const inside = container.value.contains(document.activeElement)
    if (e.shiftKey && (document.activeElement === first || !inside)) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
      e.preventDefault()
      first.focus()
    }
  }

  onMounted(async () => {
    before = document.activeElement as HTMLElement | null
    document.addEventListener('keydown', onKey)
    await nextTick()
    const el = container.value
    if (!el || el.contains(document.activeElement)) return
    const field = el.querySelector<HTMLElement>(
      '[autofocus], .content input:not([type="checkbox"]):not([type="radio"]):not([disabled]), .content textarea, .content select'
    )
    ;(field ?? el).focus()
  })
  onBeforeUnmount(() => {
    document.removeEventListener('keydown', onKey)
    if (before && document.contains(before)) before.focus()
  })
}

// A popover or menu anchored to a trigger: opens and closes, closes on a click outside or on
// Escape, and gives focus back to the trigger when Escape closes it.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export function usePopover(root: Ref<HTMLElement | null>) {
  const open = ref(false)

  function close(refocus = false): void {
    if (!open.value) return
    open.value = false
    if (refocus) root.value?.querySelector<HTMLElement>('[aria-expanded]')?.focus()
  }
  const toggle = (): void => {
    open.value = !open.value
  }

  function onDocument(e: MouseEvent): void {
    if (open.value && root.value && !root.value.contains(e.target as Node)) close()
  }
  function onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && open.value) {
      e.stopPropagation()
      close(true)
    }
  }
  onMounted(() => {
    document.addEventListener('mousedown', onDocument)
    document.addEventListener('keydown', onKey)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('mousedown', onDocument)
    document.removeEventListener('keydown', onKey)
  })
  return { open, toggle, close }
}

/** Arrow-key movement between a menu's items (buttons with role=menuitem*), for @keydown. */
export function onMenuKeys(e: KeyboardEvent): void {
  const menu = e.currentTarget as HTMLElement
  const items = [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)')]
  if (!items.length) return
  const at = items.indexOf(document.activeElement as HTMLElement)
  const go = (i: number): void => {
    e.preventDefault()
    items[(i + items.length) % items.length].focus()
  }
  if (e.key === 'ArrowDown') go(at + 1)
  else if (e.key === 'ArrowUp') go(at < 0 ? items.length - 1 : at - 1)
  else if (e.key === 'Home') go(0)
  else if (e.key === 'End') go(items.length - 1)
}

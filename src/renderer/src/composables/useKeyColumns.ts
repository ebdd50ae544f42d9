// Which key list columns are shown, in the console's order, remembered in this browser profile.
import { computed, ref, watch } from 'vue'
import { DEFAULT_COLUMNS, KEY_COLUMNS, type KeyColumnId } from '../lib/key-columns'

const STORAGE_KEY = 'keylab.keyColumns'

function restore(): KeyColumnId[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown
    if (Array.isArray(saved)) {
      const known = saved.filter((id) => KEY_COLUMNS.some((c) => c.id === id)) as KeyColumnId[]
      if (known.length) return known
    }
  } catch {
    // an unreadable preference falls back to the defaults
  }
  return [...DEFAULT_COLUMNS]
}

export function useKeyColumns() {
  const visible = ref<KeyColumnId[]>(restore())
  const columns = computed(() => KEY_COLUMNS.filter((c) => visible.value.includes(c.id)))
  watch(visible, (ids) => localStorage.setItem(STORAGE_KEY, JSON.stringify(ids)), { deep: true })

  function toggle(id: KeyColumnId): void {
    if (visible.value.includes(id)) {
      if (visible.value.length > 1) visible.value = visible.value.filter((v) => v !== id)
    } else visible.value = [...visible.value, id]
  }

  function reset(): void {
    visible.value = [...DEFAULT_COLUMNS]
  }

  return { visible, columns, toggle, reset }
}

// A virtual list for any number of rows: only the visible rows exist in the DOM, and past the
// height a browser can lay out (~33M px in Chromium) the scroll range is scaled, so a million
// rows scroll end to end with a normal scrollbar.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

const MAX_HEIGHT = 8_000_000

export interface VirtualItem {
  index: number
  /** Offset of the row inside the scrolled content, px. */
  top: number
}

export function useScaledVirtualList(
  scroller: Ref<HTMLElement | null>,
  count: Ref<number>,
  rowHeight: number,
  overscan = 8
) {
  const scrollTop = ref(0)
  const viewport = ref(0)
  let observer: ResizeObserver | undefined

  const full = computed(() => count.value * rowHeight)
  const height = computed(() => Math.min(full.value, MAX_HEIGHT))
  const scale = computed(() =>
    full.value > height.value && height.value > viewport.value
      ? (full.value - viewport.value) / (height.value - viewport.value)
      : 1
  )
  const virtualTop = computed(() => scrollTop.value * scale.value)
  const first = computed(() => Math.max(0, Math.floor(virtualTop.value / rowHeight) - overscan))
  const last = computed(() =>
    Math.min(count.value - 1, Math.ceil((virtualTop.value + viewport.value) / rowHeight) + overscan)
  )
  const items = computed<VirtualItem[]>(() => {
    const out: VirtualItem[] = []
    for (let i = first.value; i <= last.value; i++) {
      out.push({ index: i, top: scrollTop.value + i * rowHeight - virtualTop.value })
    }
    return out
  })

  function onScroll(): void {
    scrollTop.value = scroller.value?.scrollTop ?? 0
    viewport.value = scroller.value?.clientHeight ?? viewport.value
  }

  /** Scrolls so that row `index` is the first visible one. */
  function scrollToIndex(index: number): void {
    const el = scroller.value
    if (!el) return
    el.scrollTop = (index * rowHeight) / scale.value
    onScroll()
  }

  onMounted(() => {
    const el = scroller.value
    if (!el) return
    el.addEventListener('scroll', onScroll, { passive: true })
    observer = new ResizeObserver(() => (viewport.value = el.clientHeight))
    observer.observe(el)
    viewport.value = el.clientHeight
  })
  onBeforeUnmount(() => {
    scroller.value?.removeEventListener('scroll', onScroll)
    observer?.disconnect()
  })

  return { height, items, first, last, scrollToIndex }
}

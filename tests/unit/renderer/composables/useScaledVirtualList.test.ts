// The virtual list behind the audit table: a million rows render only what is visible, and the
// scaled scroll range still reaches the first and the last row.
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { useScaledVirtualList } from '../../../../src/renderer/src/composables/useScaledVirtualList'

function harness(count: number) {
  const total = ref(count)
  let api!: ReturnType<typeof useScaledVirtualList>
  const el = ref<HTMLElement | null>(null)
  const wrapper = mount(
    defineComponent({
      setup() {
        api = useScaledVirtualList(el, total, 36, 4)
        return () => h('div', { ref: el, style: 'height: 720px; overflow: auto' })
      }
    }),
    { attachTo: document.body }
  )
  const node = wrapper.element as HTMLElement
  Object.defineProperty(node, 'clientHeight', { value: 720 })
  return { api, node, wrapper, total }
}

async function scrollTo(node: HTMLElement, top: number): Promise<void> {
  node.scrollTop = top
  node.dispatchEvent(new Event('scroll'))
  await nextTick()
}

describe('useScaledVirtualList', () => {
  it('renders only the visible rows of a million, and scales the scroll range to reach both ends', async () => {
    const { api, node, wrapper } = harness(1_000_000)
    window.dispatchEvent(new Event('resize'))
    await scrollTo(node, 0)
    expect(api.height.value).toBe(8_000_000)
    api.scrollToIndex(0)
    await nextTick()
    expect(api.first.value).toBe(0)
    expect(api.items.value.length).toBeLessThan(40)
    await scrollTo(node, 8_000_000 - 720)
    expect(api.last.value).toBe(999_999)
    const lastItem = api.items.value[api.items.value.length - 1]
    expect(lastItem.index).toBe(999_999)
    expect(lastItem.top).toBeCloseTo(8_000_000 - 36, 0)
    await scrollTo(node, (8_000_000 - 720) / 2)
    expect(api.first.value).toBeGreaterThan(499_000)
    expect(api.first.value).toBeLessThan(501_000)
    wrapper.unmount()
  })

  it('does not scale short lists', async () => {
    const { api, node, wrapper } = harness(100)
    await scrollTo(node, 360)
    expect(api.height.value).toBe(3600)
    expect(api.items.value[0]).toEqual({ index: 6, top: 216 })
    wrapper.unmount()
  })
})

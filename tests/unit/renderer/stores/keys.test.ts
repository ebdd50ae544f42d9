// The keys store reads the list as key ids, then describes them a slice at a time, against the
// real catalog service on a lab (through the same dispatch as IPC and the web bridge): a first
// read shows rows from the first small slice on; a read over a shown list swaps in whole.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import { LocalBackend } from '../../../../src/main/backends/local/local-backend'
import { dispatch } from '../../../../src/main/rpc/dispatch'
import { createServices, type Services } from '../../../../src/main/services/services'
import { errorFromWire } from '../../../../src/shared/errors'
import { withTempLab } from '../../../helpers/lab'

const state: {
  services?: Services
  /** describeKeys waits for this before answering, when set. */
  gate?: Promise<void>
  /** describeKeys call number (1-based) that fails. */
  failOn?: number
} = {}
let describes = 0
const calls: string[] = []

vi.mock('../../../../src/renderer/src/bridge', () => {
  const method =
    (name: string) =>
    async (input: unknown): Promise<unknown> => {
      calls.push(name)
      if (name === 'describeKeys') {
        const n = ++describes
        if (n > 1) await state.gate
        if (n === state.failOn) throw new Error('Rate exceeded')
      }
      const result = await dispatch(state.services!, 'catalog', name, input)
      if (!result.ok) throw errorFromWire(result.error)
      return result.value
    }
  return {
    api: {
      catalog: {
        keyRefs: method('keyRefs'),
        describeKeys: method('describeKeys'),
        getKey: method('getKey')
      }
    }
  }
})

const { useKeysStore } = await import('../../../../src/renderer/src/stores/keys')
const { useAppStore } = await import('../../../../src/renderer/src/stores/app')

/** What the app store holds for the lab in `region` (as app.getInfo answers it). */
async function showRegion(region: string): Promise<void> {
  const connection = await state.services!.app.setRegion({ region })
  useAppStore().info = { version: 'test', connection, regions: [region] }
}

let cleanup: () => Promise<void>
beforeEach(async () => {
  setActivePinia(createPinia())
  const lab = withTempLab({ tickIntervalMs: 0 })
  cleanup = lab.cleanup
  state.services = createServices({
    backend: new LocalBackend(lab.lab.engine),
    lab: lab.lab.engine,
    region: 'us-east-1',
    version: 'test'
  })
  for (let i = 0; i < 250; i++) await state.services.kms.CreateKey({ Description: `key ${i}` })
  calls.length = 0
  describes = 0
  state.gate = undefined
  state.failOn = undefined
})
afterEach(() => cleanup())

describe('keys store', () => {
  it('shows the first 100 rows before the rest are described, then all 250', async () => {
    const store = useKeysStore()
    const seen: Array<[number, number | undefined]> = []
    watch(
      () => store.keys,
      (keys) => seen.push([keys.length, store.progress?.described]),
      { flush: 'sync' }
    )
    await store.load(false)
    expect(seen).toEqual([
      [100, 100],
      [250, undefined]
    ])
    expect(calls).toEqual(['keyRefs', 'describeKeys', 'describeKeys'])
    expect(store.progress).toBeUndefined()
    expect(new Set(store.keys.map((k) => k.description)).size).toBe(250)
    expect(store.loaded).toBe(true)
  })

  it('reads a shown list again in slices of 1,000 and swaps it in whole', async () => {
    const store = useKeysStore()
    await store.load(false)
    await state.services!.kms.CreateKey({ Description: 'one more' })
    const sizes: number[] = []
    watch(
      () => store.keys,
      (keys) => sizes.push(keys.length),
      { flush: 'sync' }
    )
    calls.length = 0
    await store.load(false)
    expect(sizes).toEqual([251])
    expect(calls).toEqual(['keyRefs', 'describeKeys'])
  })

  it('drops a read that a newer one overtook', async () => {
    const store = useKeysStore()
    const first = store.load(false)
    const second = store.load(true)
    await Promise.all([first, second])
    expect(store.keys).toHaveLength(250)
    expect(store.tagsLoaded).toBe(true)
    expect(store.keys.every((k) => Array.isArray(k.tags))).toBe(true)
  })

  it('lets a read that a newer one overtook fail without a word', async () => {
    const store = useKeysStore()
    let open!: () => void
    state.gate = new Promise((resolve) => (open = resolve))
    state.failOn = 2
    const first = store.load(false)
    await vi.waitFor(() => expect(store.keys).toHaveLength(100))
    const second = store.load(true)
    open()
    // The first read's second slice fails after the second read began: not the list's error.
    await expect(first).resolves.toBeUndefined()
    await second
    expect(store.keys).toHaveLength(250)
    expect(store.tagsLoaded).toBe(true)
    expect(store.progress).toBeUndefined()
  })

  it("does not show another region's keys while this region's are read", async () => {
    const store = useKeysStore()
    await showRegion('us-east-1')
    await store.load(false)
    expect(store.keys).toHaveLength(250)
    await showRegion('eu-west-1')
    await state.services!.kms.CreateKey({ Description: 'in eu-west-1' })
    let open!: () => void
    state.gate = new Promise((resolve) => (open = resolve))
    const loading = store.load()
    expect(store.keys).toEqual([])
    expect(store.loaded).toBe(false)
    open()
    await loading
    expect(store.keys.map((k) => k.description)).toEqual(['in eu-west-1'])
    await showRegion('us-east-1')
    await store.load()
    expect(store.keys).toHaveLength(250)
  })

  it('keeps a row read again while the rest of the list is still being read', async () => {
    const store = useKeysStore()
    let open!: () => void
    state.gate = new Promise((resolve) => (open = resolve))
    const loading = store.load(false)
    await vi.waitFor(() => expect(store.keys).toHaveLength(100))
    const shown = store.keys[3].keyId
    await state.services!.kms.DisableKey({ KeyId: shown })
    await store.refresh(shown)
    const created = (await state.services!.kms.CreateKey({})).KeyMetadata!.KeyId!
    await store.refresh(created)
    open()
    await loading
    expect(store.keys).toHaveLength(251)
    expect(store.keys.find((k) => k.keyId === shown)?.keyState).toBe('Disabled')
    expect(store.keys.filter((k) => k.keyId === created)).toHaveLength(1)
  })

  it('says the list is partial when a read stops short, until a read goes to its end', async () => {
    const store = useKeysStore()
    state.failOn = 2
    await expect(store.load(false)).rejects.toThrow('Rate exceeded')
    expect(store.keys).toHaveLength(100)
    expect(store.progress).toEqual({ described: 100, total: 250, stopped: true })
    state.failOn = undefined
    await store.load(false)
    expect(store.keys).toHaveLength(250)
    expect(store.progress).toBeUndefined()
  })
})

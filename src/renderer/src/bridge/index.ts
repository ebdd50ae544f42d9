// The renderer's only seam to the main process. In the desktop app it wraps `window.keylab`
// (the preload); in a browser it speaks to the web host. Either way calls resolve with the
// value or throw the error revived into its AWS-named class.
import { errorFromWire } from '../../../shared/errors'
import { API_METHODS, type Apis, type WireApis } from '../../../shared/ipc/contract'
import { createWebBridge } from './web-bridge'

function unwrap(wire: WireApis): Apis {
  const apis: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const [api, methods] of Object.entries(API_METHODS)) {
    apis[api] = {}
    const target = (
      wire as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
    )[api]
    for (const method of Object.keys(methods)) {
      apis[api][method] = async (input: unknown) => {
        const result = (await target[method](input ?? {})) as
          { ok: true; value: unknown } | { ok: false; error: Parameters<typeof errorFromWire>[0] }
        if (result.ok) return result.value
        throw errorFromWire(result.error)
      }
    }
  }
  return apis as unknown as Apis
}

export const api: Apis = unwrap(window.keylab ?? createWebBridge())
export const transport: 'ipc' | 'web' = window.keylab ? 'ipc' : 'web'

// The bridge in a plain browser: the same WireApis as the preload, over the web host's
// loopback RPC with the per-run token the page was opened with.
import { API_METHODS, type Result, type WireApis } from '../../../shared/ipc/contract'
import { decodeWire, encodeWire } from '../../../shared/ipc/wire-codec'

const TOKEN_KEY = 'keylab.bridge.token'

function token(): string {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    history.replaceState(null, '', location.pathname + location.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

export function createWebBridge(): WireApis {
  const bearer = token()
  const call = async (api: string, method: string, input: unknown): Promise<Result<unknown>> => {
    let response: Response
    try {
      response = await fetch(`/rpc/${api}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
        body: encodeWire(input ?? {})
      })
    } catch (e) {
      return bridgeError(`the KeyLab web host cannot be reached (${(e as Error).message})`)
    }
    if (!response.ok)
      return bridgeError(
        `the KeyLab web host answered ${response.status}: ${await response.text()}`
      )
    return decodeWire(await response.text()) as Result<unknown>
  }
  const bridge: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const [api, methods] of Object.entries(API_METHODS)) {
    bridge[api] = {}
    for (const method of Object.keys(methods))
      bridge[api][method] = (input) => call(api, method, input)
  }
  return bridge as unknown as WireApis
}

function bridgeError(message: string): Result<never> {
  return { ok: false, error: { name: 'KeyLabBridgeError', message, fault: 'server' } }
}

// The Electron IPC adapter: one handler per method of the contract. Each checks that the call
// comes from the app's own main frame, then dispatches; every answer is a Result.
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { AccessDeniedException } from '../../shared/errors'
import { API_METHODS, channelOf, type Apis, type Result } from '../../shared/ipc/contract'
import { dispatch } from '../rpc/dispatch'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

export function registerIpc(
  ipc: Pick<IpcMain, 'handle'>,
  services: Apis,
  trusted: SenderCheck
): void {
  for (const [api, methods] of Object.entries(API_METHODS)) {
    for (const method of Object.keys(methods)) {
      ipc.handle(
        channelOf(api, method),
        (event, input: unknown): Promise<Result<unknown>> | Result<unknown> => {
          if (!trusted(event)) {
            return {
              ok: false,
              error: new AccessDeniedException('IPC call from an untrusted frame').toWire()
            }
          }
          return dispatch(services, api, method, input)
        }
      )
    }
  }
}

/** Trusts only the main frame of the given window's web contents, showing an app URL. */
export function trustMainFrame(
  getContentsId: () => number | undefined,
  isAppUrl: (url: string) => boolean
): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || event.sender.id !== getContentsId()) return false
    if (frame !== event.sender.mainFrame) return false
    return isAppUrl(frame.url)
  }
}

// The one BrowserWindow and every security setting it has: isolated, sandboxed renderer, no
// Node, strict CSP, no navigation, no new windows, every permission denied.
import { BrowserWindow, session, shell, type WebContents } from 'electron'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './security'

export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? `file://${join(__dirname, '../renderer/index.html')}`
}

export function isAppUrl(url: string): boolean {
  const base = rendererUrl()
  return url === base || url.startsWith(base.split('#')[0].split('?')[0])
}

export function createMainWindow(): BrowserWindow {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
      }
    })
  })

  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'KeyLab',
    backgroundColor: '#f2f3f3',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  lockDown(win.webContents)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(rendererUrl())
  return win
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://docs.aws.amazon.com/')) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

// Which compiled better-sqlite3-multiple-ciphers addon to load. Plain Node (tests, `keylab`)
// loads the package's own build; the Electron app points this at its Electron-ABI build.

let bindingPath: string | undefined

export function useNativeBinding(path: string | undefined): void {
  bindingPath = path
}

export function nativeBinding(): string | undefined {
  return bindingPath ?? process.env.KEYLAB_SQLITE_BINDING ?? undefined
}

// SIGINT/SIGTERM: run the command's cleanup once, then exit.

export function onShutdown(cleanup: () => Promise<void>): void {
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    cleanup()
      .then(() => process.exit(0))
      .catch((e) => {
        console.error(`error while stopping on ${signal}:`, e)
        process.exit(1)
      })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

// Small helpers for the benchmarks: time a loop, print aligned rows side by side.

export interface Figure {
  name: string
  opsPerSec: number
  /** Mean microseconds per op. */
  meanUs: number
}

/** Runs fn repeatedly for about `ms` milliseconds (after a warm-up) and returns ops/s. */
export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  ms = 1000
): Promise<Figure> {
  const warm = Date.now() + Math.min(200, ms / 5)
  while (Date.now() < warm) await fn()
  let n = 0
  const start = process.hrtime.bigint()
  const end = Date.now() + ms
  while (Date.now() < end) {
    for (let i = 0; i < 16; i++) await fn()
    n += 16
  }
  const elapsedUs = Number(process.hrtime.bigint() - start) / 1000
  return { name, opsPerSec: (n / elapsedUs) * 1e6, meanUs: elapsedUs / n }
}

export function table(rows: Array<Record<string, string | number>>): void {
  if (!rows.length) return
  const cols = Object.keys(rows[0])
  const cell = (v: string | number): string =>
    typeof v === 'number'
      ? Math.abs(v) >= 100
        ? Math.round(v).toLocaleString('en-US')
        : v.toFixed(2)
      : v
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (vals: string[]): string =>
    vals.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ')
  console.log(line(cols))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))))
}

// Text a person reads: counts with thousands separators and the right form of the noun, and
// untrusted text made inert.

/** 12345 → "12,345". Written out, since the first toLocaleString() costs milliseconds of start-up. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const text = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return n < -0.5 ? `-${text}` : text
}

/** Compares names as a person sorts them: the numbers in them by value ("s2" before "s10"). */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? []
  const pb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i], pb[i]]
    if (x === y) continue
    if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y) || x.length - y.length
    return x < y ? -1 : 1
  }
  return pa.length - pb.length
}

/** "1 batch", "2,000 batches": the count with the right form of the noun. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

/** A duration as a person says it: "850 ms", "12 s", "6 min 12 s", "1 h 2 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const min = Math.floor(s / 60)
  if (min < 60) return s % 60 === 0 ? `${min} min` : `${min} min ${s % 60} s`
  return min % 60 === 0 ? `${min / 60} h` : `${Math.floor(min / 60)} h ${min % 60} min`
}

/** Shows control characters (a newline in a file name) as visible escapes, one line per name. */
export function inert(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

// Turns what a reader returns into plain JSON that the C# tests can compare value by value.
// Shared by the reader scripts so both encode bytes and 64-bit integers the same way.

/**
 * bigint → number when it is exactly representable (so C# can read it as a long), else a decimal string;
 * Uint8Array → {"base64": "..."} (tagged, so a reader that handed back a *string* for binary data,
 * hyparquet's default for un-annotated BYTE_ARRAY, shows up as a type mismatch instead of passing);
 * arrays and plain objects recursively; numbers as they are (a float32 widened to a double prints
 * as the shortest text that parses back to that same double, so floats compare exactly).
 */
export function toJsonValue(value) {
  if (value === null || value === undefined) return null
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString()
  }
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') }
  if (ArrayBuffer.isView(value)) return Array.from(value, toJsonValue) // typed arrays of numbers
  if (Array.isArray(value)) return value.map(toJsonValue)
  if (typeof value === 'number') {
    // JSON has no NaN/Infinity; spell them so they are not silently turned into null.
    return Number.isFinite(value) ? value : { float: String(value) }
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]))
  }
  return value
}

/** Reads the one command-line argument every script takes, or exits with a usage line. */
export function fileArgument(script) {
  const file = process.argv[2]
  if (!file) {
    process.stderr.write(`usage: node ${script} <file.parquet>\n`)
    process.exit(2)
  }
  return file
}

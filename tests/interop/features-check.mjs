// Would `datasets` keep the features stored in this file, column by column?
//
// `datasets` (Features.from_arrow_schema, src/datasets/features/features.py) reads the file's Arrow
// schema and keeps the feature from the `huggingface` metadata for a column only if the Arrow field
// that feature generates (get_nested_type) equals the field the Arrow reader derived from the file:
// same type, same nullability, list item names ignored (Arrow >= 11). Otherwise it silently falls
// back to a generic feature: Image becomes a {bytes, path} dict (no decoding, no thumbnails in the
// viewer) and Sequence(length=n) becomes a variable list. This script re-implements that rule
// without any of our C# code: the expected side is a port of get_nested_type over the JSON; the file
// side comes from arrow-rs (parquet-wasm), which, like pyarrow, restores fixed-size lists and
// nullability from the ARROW:schema key. It always exits 0; the C# test asserts on `keep`.
import { readFileSync } from 'node:fs'
import { tableFromIPC, Type, Precision } from 'apache-arrow'
import { readParquet } from 'parquet-wasm'
import { fileArgument } from './json-values.mjs'

const file = fileArgument('features-check.mjs')

// --- The file side: the Arrow schema an Arrow Parquet reader derives --------------------------
const wasmTable = readParquet(new Uint8Array(readFileSync(file)))
// intoIPCStream consumes the wasm table (it moves the batches out), so there is nothing left to free.
const table = tableFromIPC(wasmTable.intoIPCStream())
const schema = table.schema

// pyarrow-style type text ('list<element: float>', 'fixed_size_list<item: int64>[148]'), so the
// report reads like what a Python user would see. `itemNames` false replaces every list item name
// by 'item': that is the one difference Field equality ignores.
function formatField(field, itemNames) {
  const extension = field.metadata?.get('ARROW:extension:name')
  const type = extension ? `extension<${extension}>` : formatType(field.type, itemNames)
  return field.nullable ? type : `${type} not null`
}

function formatType(type, itemNames) {
  const child = (f) => `${itemNames ? f.name : 'item'}: ${formatField(f, itemNames)}`
  switch (type.typeId) {
    case Type.Null: return 'null'
    case Type.Bool: return 'bool'
    case Type.Int: return `${type.isSigned ? '' : 'u'}int${type.bitWidth}`
    case Type.Float: return { [Precision.HALF]: 'halffloat', [Precision.SINGLE]: 'float', [Precision.DOUBLE]: 'double' }[type.precision]
    case Type.Utf8: return 'string'
    case Type.LargeUtf8: return 'large_string'
    case Type.Binary: return 'binary'
    case Type.LargeBinary: return 'large_binary'
    case Type.List: return `list<${child(type.children[0])}>`
    case Type.FixedSizeList: return `fixed_size_list<${child(type.children[0])}>[${type.listSize}]`
    case Type.Struct: return `struct<${type.children.map(f => `${f.name}: ${formatField(f, itemNames)}`).join(', ')}>`
    default: return `unsupported<${String(type)}>`
  }
}

// --- The expected side: port of datasets' get_nested_type ------------------------------------
// Every field it generates is nullable (pa.field(name, type) defaults to nullable=True, and
// pa.list_(t) / pa.struct({...}) make nullable children), so nothing below ever says 'not null'.
const dtypes = {
  null: 'null', bool: 'bool',
  int8: 'int8', int16: 'int16', int32: 'int32', int64: 'int64',
  uint8: 'uint8', uint16: 'uint16', uint32: 'uint32', uint64: 'uint64',
  float16: 'halffloat', float32: 'float', float: 'float', float64: 'double', double: 'double',
  string: 'string', large_string: 'large_string', binary: 'binary', large_binary: 'large_binary',
}
const media = new Set(['Image', 'Audio', 'Video', 'Pdf'])

function expectedType(feature) {
  if (Array.isArray(feature)) return `list<item: ${expectedType(feature[0])}>` // legacy [f]
  const kind = feature?._type
  if (kind === undefined) { // a plain dict is a struct, in key order
    return `struct<${Object.entries(feature).map(([k, v]) => `${k}: ${expectedType(v)}`).join(', ')}>`
  }
  if (kind === 'Value') return dtypes[feature.dtype] ?? `unsupported<${feature.dtype}>`
  if (kind === 'ClassLabel') return 'int64'
  if (media.has(kind)) return 'struct<bytes: binary, path: string>'
  if (kind === 'Sequence' || kind === 'List' || kind === 'LargeList') {
    const length = feature.length ?? -1
    const inner = feature.feature
    // Legacy Sequence of a dict means a struct of lists, not a list of structs (datasets keeps this).
    if (kind === 'Sequence' && inner && !Array.isArray(inner) && inner._type === undefined) {
      return expectedType(Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, { feature: v, length, _type: 'List' }])))
    }
    const item = expectedType(inner)
    if (kind === 'LargeList') return `large_list<item: ${item}>`
    return length >= 0 ? `fixed_size_list<item: ${item}>[${length}]` : `list<item: ${item}>`
  }
  // Array2D..5D are extension types that a file without their extension name never matches.
  return `unsupported<${kind}>`
}

// --- Compare, column by column, in the file's order (as from_arrow_schema iterates) ----------
const raw = schema.metadata.get('huggingface')
const features = raw ? (JSON.parse(raw).info?.features ?? {}) : {}

const columns = schema.fields.map(field => {
  const feature = features[field.name]
  const expected = feature === undefined ? null : expectedType(feature)
  const fileType = formatField(field, true)
  return {
    column: field.name,
    expectedType: expected,
    fileType,
    keep: expected !== null && expected === formatField(field, false),
  }
})
// A feature with no column in the file is not dropped by this rule but is still a broken file.
for (const name of Object.keys(features).filter(n => !schema.fields.some(f => f.name === n))) {
  columns.push({ column: name, expectedType: expectedType(features[name]), fileType: null, keep: false })
}

process.stdout.write(JSON.stringify({
  reader: 'parquet-wasm',
  rowCount: table.numRows,
  metadataKeys: [...schema.metadata.keys()],
  hasFeatures: raw !== undefined,
  columns,
}) + '\n')

// hyparquet's view of one Parquet file: the schema tree, key/value metadata keys, and rows.
// hyparquet is pure JavaScript and is what Hugging Face's web tooling (the dataset viewer's
// browser side, hyperparam) reads Parquet with; it shares no code with Parquet.Net, DuckDB or Arrow.
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { fileArgument, toJsonValue } from './json-values.mjs'

const file = fileArgument('hyparquet-read.mjs')
const buffer = await asyncBufferFromFile(file)
const metadata = await parquetMetadataAsync(buffer)

// The tree with what the C# tests assert on: repetition (every field must be OPTIONAL, as pyarrow
// writes, or datasets drops the features) and the LIST/STRING annotations of the 3-level lists.
function node(tree) {
  const e = tree.element
  return {
    name: e.name,
    repetition: e.repetition_type ?? null,
    type: e.type ?? null,
    convertedType: e.converted_type ?? null,
    logicalType: e.logical_type?.type ?? null,
    children: tree.children.map(node),
  }
}
const root = parquetSchema(metadata)

// utf8: false — otherwise hyparquet decodes un-annotated BYTE_ARRAY (the PNG `bytes`) as UTF-8 text.
// Annotated strings (STRING / UTF8) still come back as strings.
const rows = await parquetReadObjects({ file: buffer, metadata, compressors, utf8: false })

process.stdout.write(JSON.stringify({
  reader: 'hyparquet',
  rowCount: Number(metadata.num_rows),
  rowGroups: metadata.row_groups.length,
  metadataKeys: (metadata.key_value_metadata ?? []).map(kv => kv.key),
  schema: root.children.map(node),
  rows: rows.map(toJsonValue),
}) + '\n')

// DuckDB's view of one Parquet file: column types, row count, rows, and file key/value metadata keys.
// DuckDB has its own Parquet reader (C++, not Arrow's, not Parquet.Net's), so agreeing with it is
// evidence that the levels, logical types and metadata are standard rather than merely self-consistent.
import { DuckDBInstance } from '@duckdb/node-api'
import { fileArgument, toJsonValue } from './json-values.mjs'

const file = fileArgument('duckdb-read.mjs')

const instance = await DuckDBInstance.create(':memory:', { threads: '1' })
const connection = await instance.connect()

// Bind the path as a parameter rather than splicing it into SQL: temp paths may contain quotes.
async function query(sql) {
  const prepared = await connection.prepare(sql)
  prepared.bindVarchar(1, file)
  const reader = await prepared.runAndReadAll()
  return reader.getRowObjectsJS()
}

// DESCRIBE reports DuckDB's SQL types, e.g. FLOAT[][] or STRUCT("bytes" BLOB, path VARCHAR)[].
const columns = (await query('DESCRIBE SELECT * FROM read_parquet($1)'))
  .map(c => ({ name: c.column_name, type: c.column_type, nullable: c.null === 'YES' }))

const rows = (await query('SELECT * FROM read_parquet($1)')).map(toJsonValue)

// parquet_kv_metadata returns keys as BLOBs; decode them to compare with the keys we wrote.
const metadataKeys = (await query('SELECT key FROM parquet_kv_metadata($1)'))
  .map(r => Buffer.from(r.key).toString('utf8'))

// The physical schema as DuckDB sees it (repetition types, converted/logical types per node).
const schema = (await query('SELECT name, repetition_type, type, converted_type, logical_type, num_children FROM parquet_schema($1)'))
  .map(toJsonValue)

process.stdout.write(JSON.stringify({ reader: 'duckdb', columns, rowCount: rows.length, rows, metadataKeys, schema }) + '\n')
connection.closeSync()
instance.closeSync()

// DuckDB's own aggregates over one shard, to check `jat stats`: per dimension of the vector and scalar step columns
// the count, min, max, mean, population std and quantile_cont at q01..q99, and the episode lengths and returns.
import { DuckDBInstance } from '@duckdb/node-api'
import { fileArgument } from './json-values.mjs'

const file = fileArgument('duckdb-stats.mjs')
const instance = await DuckDBInstance.create(':memory:', { threads: '1' })
const connection = await instance.connect()

async function query(sql) {
  const prepared = await connection.prepare(sql)
  prepared.bindVarchar(1, file)
  const reader = await prepared.runAndReadAll()
  return reader.getRowObjectsJS()
}

const aggregates = `count(v) AS count, min(v)::DOUBLE AS min, max(v)::DOUBLE AS max, avg(v::DOUBLE) AS mean,
  stddev_pop(v::DOUBLE) AS std, quantile_cont(v::DOUBLE, [0.01, 0.1, 0.5, 0.9, 0.99]) AS quantiles`
const plain = r => ({ count: Number(r.count), min: r.min, max: r.max, mean: r.mean, std: r.std, quantiles: r.quantiles })

const names = (await query('DESCRIBE SELECT * FROM read_parquet($1)')).map(c => c.column_name)
const result = { features: {} }
for (const column of ['continuous_observations', 'continuous_actions', 'discrete_observations']) {
  if (!names.includes(column)) continue
  const rows = await query(`SELECT d, ${aggregates} FROM (
      SELECT unnest(range(1, len(step) + 1)) AS d, unnest(step) AS v
      FROM (SELECT unnest(${column}) AS step FROM read_parquet($1))) GROUP BY d ORDER BY d`)
  result.features[column] = rows.map(plain)
}
for (const column of ['rewards', 'discrete_actions']) {
  if (!names.includes(column)) continue
  const rows = await query(`SELECT ${aggregates} FROM (SELECT unnest(${column}) AS v FROM read_parquet($1))`)
  result.features[column] = rows.map(plain)
}
result.episode_length = plain((await query(`SELECT ${aggregates} FROM (SELECT len(rewards) AS v FROM read_parquet($1))`))[0])
result.episode_return = plain((await query(
  `SELECT ${aggregates} FROM (SELECT coalesce(list_sum(list_transform(rewards, x -> x::DOUBLE)), 0) AS v FROM read_parquet($1))`))[0])
console.log(JSON.stringify(result))

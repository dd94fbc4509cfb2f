// The DuckDB side of `jat bench shards`: given a shard Jat wrote, DuckDB writes the same rows to Parquet and reads
// its own file back, so the two writers are timed on identical data on the same machine.
// Usage: node duckdb-write-bench.mjs <jat shard> <scratch dir> <repeat> [threads]
// Prints one JSON document: median and best seconds of the write (COPY … TO) and of the full read.
import { DuckDBInstance } from '@duckdb/node-api';
import { availableParallelism } from 'node:os';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [shard, scratch, repeatText, threadsText] = process.argv.slice(2);
const repeat = Number(repeatText ?? 3);
const threads = Number(threadsText ?? availableParallelism());
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const db = await instance.connect();
// Loading the rows is not part of either figure: DuckDB starts, like Jat, from rows already in memory.
await db.run(`CREATE TABLE rows AS SELECT * FROM read_parquet(${quote(shard)})`);

const out = join(scratch, 'duckdb.parquet');
const time = async (sql) => {
  const start = process.hrtime.bigint();
  await db.run(sql);
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], best: sorted[0] };
};

const write = [];
const read = [];
await time(`COPY rows TO ${quote(out)} (FORMAT parquet, COMPRESSION snappy)`); // warm-up
for (let i = 0; i < repeat; i++) {
  rmSync(out, { force: true });
  write.push(await time(`COPY rows TO ${quote(out)} (FORMAT parquet, COMPRESSION snappy)`));
  // A full read materialises every column of every row, as Jat's reader does.
  read.push(await time(`CREATE OR REPLACE TEMP TABLE back AS SELECT * FROM read_parquet(${quote(out)})`));
}
const rows = (await (await db.runAndReadAll('SELECT count(*) AS n FROM rows')).getRowObjects())[0].n;
console.log(JSON.stringify({
  engine: 'duckdb',
  version: (await (await db.runAndReadAll('SELECT version() AS v')).getRowObjects())[0].v,
  threads,
  rows: Number(rows),
  fileBytes: statSync(out).size,
  writeSeconds: stats(write),
  readSeconds: stats(read),
}));

// The DuckDB side of `jat bench shards`: given a shard Jat wrote, DuckDB writes the same rows to Parquet and reads
// its own file back, so the two writers are timed on identical data on the same machine.
//
// Usage: node duckdb-write-bench.mjs <jat shard> <scratch dir> [--repeat N] [--warmup N] [--threads N]
//                                    [--compression same|snappy|uncompressed|zstd|lz4|gzip|brotli]
//   --threads      DuckDB's worker threads (default: the machine's cores)
//   --compression  the codec of DuckDB's file; `same` (default) takes the codec of the Jat shard, so that both
//                  writers do the same work
//
// The rows are first loaded into an in-memory table (untimed: Jat's rows are in memory before its timing too).
// Then, after the warm-up runs, each timed run is `COPY rows TO … (FORMAT parquet, COMPRESSION …)` and a full read
// of that file into a new table (every column of every row materialised, as Jat's reader does).
// Prints one JSON document on stdout: median and min seconds of both.
import { DuckDBInstance } from '@duckdb/node-api';
import { availableParallelism } from 'node:os';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    repeat: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    threads: { type: 'string', default: String(availableParallelism()) },
    compression: { type: 'string', default: 'same' },
  },
});
const [shard, scratch] = positionals;
if (!shard || !scratch) {
  console.error('usage: node duckdb-write-bench.mjs <jat shard> <scratch dir> [--repeat N] [--warmup N] [--threads N] [--compression same|snappy|…]');
  process.exit(2);
}
const count = (name) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not ${values[name]}`);
  return n;
};
const repeat = Math.max(1, count('repeat'));
const warmup = count('warmup');
const threads = Math.max(1, count('threads'));
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const db = await instance.connect();
const one = async (sql) => (await (await db.runAndReadAll(sql)).getRowObjects())[0];

// The codecs of Jat's shard, as its footer states them (one per column chunk).
const jatCodecs = (await (await db.runAndReadAll(
  `SELECT DISTINCT lower(compression) AS codec FROM parquet_metadata(${quote(shard)}) ORDER BY codec`)).getRowObjects()).map((r) => r.codec);
const copyCodec = { lz4_raw: 'lz4', gzip: 'gzip', uncompressed: 'uncompressed', snappy: 'snappy', zstd: 'zstd', lz4: 'lz4', brotli: 'brotli' };
let compression = values.compression.toLowerCase();
if (compression === 'same') {
  // DuckDB's COPY takes one codec per file: Jat's when it used one. Jat leaves encoded images uncompressed and
  // Snappy-compresses the small columns beside them; the images are nearly all the bytes, so such a file is matched
  // uncompressed.
  compression = jatCodecs.length === 1
    ? copyCodec[jatCodecs[0]] ?? 'snappy'
    : jatCodecs.includes('uncompressed') ? 'uncompressed' : 'snappy';
}

// Loading the rows is not part of either figure: DuckDB starts, like Jat, from rows already in memory.
const loadStart = process.hrtime.bigint();
await db.run(`CREATE TABLE rows AS SELECT * FROM read_parquet(${quote(shard)})`);
const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

const out = join(scratch, 'duckdb.parquet');
const time = async (sql) => {
  const start = process.hrtime.bigint();
  await db.run(sql);
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], runs: xs };
};

const write = [];
const read = [];
for (let run = 0; run < warmup + repeat; run++) {
  // Untimed: the previous file and table go first, so that neither figure includes deleting them.
  rmSync(out, { force: true });
  await db.run('DROP TABLE IF EXISTS back');
  const w = await time(`COPY rows TO ${quote(out)} (FORMAT parquet, COMPRESSION ${compression})`);
  const r = await time(`CREATE TABLE back AS SELECT * FROM read_parquet(${quote(out)})`);
  if (run >= warmup) {
    write.push(w);
    read.push(r);
  }
}
const back = await one('SELECT count(*) AS n FROM back');
const rows = await one('SELECT count(*) AS n FROM rows');
if (back.n !== rows.n) throw new Error(`DuckDB read back ${back.n} rows of ${rows.n}`);
console.log(JSON.stringify({
  engine: 'duckdb',
  version: (await one('SELECT version() AS v')).v,
  threads: Number((await one("SELECT current_setting('threads') AS t")).t),
  compression,
  jatCompression: jatCodecs,
  rows: Number(rows.n),
  fileBytes: statSync(out).size,
  loadSeconds,
  writeSeconds: stats(write),
  readSeconds: stats(read),
}));

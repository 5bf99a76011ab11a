// check.mjs reads convanon's output with DuckDB, an independent Parquet
// reader, and prints the row count of each dataset as "dataset rows".
//
// Usage: node testdata/duckdb/check.mjs ROOT
// Run it from a directory where `npm install @duckdb/node-api` was done (the
// package is resolved from the working directory, so the repository needs
// no node_modules). Exits 1 if a dataset cannot be read.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(join(process.cwd(), 'noop.js'));
const { DuckDBInstance } = await import(pathToFileURL(require.resolve('@duckdb/node-api')).href);

const root = process.argv[2];
if (!root) {
  console.error('usage: node check.mjs ROOT');
  process.exit(2);
}
const datasets = ['messages', 'decisions', 'feedback_stats', 'decision_stats', 'usage_stats'];
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";
let failed = false;
for (const ds of datasets) {
  if (!existsSync(join(root, ds))) continue;
  const glob = quote(join(root, ds) + '/**/*.parquet');
  try {
    const reader = await conn.runAndReadAll(
      `SELECT count(*)::BIGINT AS n FROM read_parquet(${glob}, hive_partitioning=true)`);
    console.log(`${ds} ${reader.getRows()[0][0]}`);
  } catch (err) {
    console.error(`${ds}: ${err.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

// Parses a dataset card's YAML header with the `yaml` package (not our emitter) and prints it as JSON, so a test
// can check that the Hub would see the configs, data_files, features and split sizes we meant to write.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const text = readFileSync(process.argv[2], 'utf8');
const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
if (!match) {
  console.log(JSON.stringify({ error: 'no YAML header between --- lines' }));
  process.exit(0);
}
// strict: duplicate keys or anything YAML 1.2 rejects is an error, as on the Hub.
console.log(JSON.stringify({ header: parse(match[1], { strict: true, uniqueKeys: true }) }));

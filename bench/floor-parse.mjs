// The floor for `config -q`: a cold node process that imports `yaml` and parses the file, nothing else.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const doc = parseDocument(readFileSync(process.argv[2], 'utf8'));
if (doc.errors.length) process.exitCode = 1;

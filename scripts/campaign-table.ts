import { writeFileSync } from 'node:fs';
import { campaignTable } from '../src/levels/campaign-table';
import { loadPack } from '../src/levels/load';

const pack = loadPack('levels');
if (!pack.ok) {
  console.error(pack.error.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  process.exit(1);
}
writeFileSync('docs/campaign.md', campaignTable(pack.value));
console.log('wrote docs/campaign.md');

/** The campaign's table of levels and concepts (docs/campaign.md), made from the pack itself. */
import { localize } from './text';
import type { LoadedPack } from './load';

export function campaignTable(pack: LoadedPack): string {
  const lines = [
    '# The campaign',
    '',
    'Generated from `levels/` by `npm run campaign-table`; a test fails when it is out of date.',
    'Each level lists the concepts it teaches and the kinds of step it asks for, so gaps are visible.',
    '',
  ];
  const kinds = (l: LoadedPack['chapters'][number]['levels'][number]) => {
    const k: string[] = [];
    const lv = l.level;
    if (lv.goals.some((g) => !('answers' in g))) k.push('configure');
    if (lv.questions.length > 0) k.push('answer');
    if (lv.predictions.length > 0) k.push('predict');
    if (lv.route) k.push('route');
    return k.join(', ');
  };
  let n = 0;
  const concepts = new Map<string, number>();
  for (const c of pack.chapters) {
    lines.push(`## ${localize(c.title)}`, '', '| # | id | title | difficulty | steps | concepts |', '|---|---|---|---|---|---|');
    c.levels.forEach((l, i) => {
      n++;
      for (const k of l.level.concepts) concepts.set(k, (concepts.get(k) ?? 0) + 1);
      lines.push(`| ${i + 1} | \`${l.level.id}\` | ${localize(l.level.title)} | ${'●'.repeat(l.level.difficulty)} | ${kinds(l)} | ${l.level.concepts.join(', ')} |`);
    });
    lines.push('');
  }
  lines.push(`## Concepts`, '', `${n} levels. How many levels teach each concept:`, '', '| concept | levels |', '|---|---|');
  for (const [k, v] of [...concepts].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`| ${k} | ${v} |`);
  return `${lines.join('\n')}\n`;
}

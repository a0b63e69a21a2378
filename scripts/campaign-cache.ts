/**
 * Writes dist/campaign.json, the built-in campaign as loaded (see src/levels/campaign-cache.ts).
 * Run by scripts/build.mjs after bundling. When the campaign does not load, no cache is left
 * behind: the game then loads the YAML itself and reports the problems.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { campaignCache } from '../src/levels/campaign-cache';
import { loadPack } from '../src/levels/load';

export function writeCampaignCache(levelsDir: string, outFile: string): boolean {
  const pack = loadPack(levelsDir);
  if (!pack.ok) {
    rmSync(outFile, { force: true });
    return false;
  }
  // Several builds may run at once: write aside, then rename into place.
  const tmp = `${outFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(campaignCache(pack.value)));
  renameSync(tmp, outFile);
  return true;
}

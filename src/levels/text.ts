/** Choosing the player's language for level text: the locale asked for, then its base language, then English. */
import type { Text } from './schema';

export function localize(text: Text | undefined, locale = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const base = locale.split('-')[0]!;
  return text[locale] ?? text[base] ?? Object.entries(text).find(([k]) => k.split('-')[0] === base)?.[1] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** The locale from --lang, else LC_ALL / LC_MESSAGES / LANG (zh_CN.UTF-8 → zh-CN), else English. */
export function detectLocale(env: NodeJS.ProcessEnv = process.env, flag?: string): string {
  const raw = flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? 'en';
  const m = /^([a-z]{2,3})(?:[_-]([A-Za-z]{2}))?/.exec(raw);
  if (!m || m[1] === 'c' || raw === 'C' || raw === 'POSIX') return 'en';
  return m[2] ? `${m[1]}-${m[2].toUpperCase()}` : m[1]!;
}

/**
 * The lookup behind the UI's word catalogues (./words.ts for the menus and the frame,
 * ./level-words.ts for the level screen, the practice and sandbox screens' own): each entry is
 * a template in English and in Chinese, `{name}` marking a parameter. `say` picks the player's
 * language (zh-CN for any zh locale), falling back to English, and the parameters a template
 * names are checked by the compiler. Plain TS, no React, so the title's first frame pays only
 * for its own words.
 */
export interface Entry {
  readonly en: string;
  readonly 'zh-CN': string;
}
export type Catalogue = Readonly<Record<string, Entry>>;

/** The `{name}`s a template uses. */
export type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | ParamsOf<R> : never;
export type Params<S extends string> = [ParamsOf<S>] extends [never] ? [] : [params: Record<ParamsOf<S>, string | number>];
export type Say<C extends Catalogue> = <K extends keyof C & string>(locale: string, key: K, ...params: Params<C[K]['en']>) => string;

/** The catalogue's language for a locale: Chinese for zh, zh-CN, zh-Hans…, else English. */
export function language(locale: string | undefined): 'en' | 'zh-CN' {
  return locale !== undefined && /^zh(\b|[-_])/i.test(locale) ? 'zh-CN' : 'en';
}

export function fill(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
}

export function sayer<const C extends Catalogue>(catalogue: C): Say<C> {
  return ((locale: string, key: string, params?: Record<string, string | number>) => {
    const e = catalogue[key]!;
    return fill(e[language(locale)], params);
  }) as Say<C>;
}

import { LOCALES, switchLocaleHref, type Locale } from "@/lib/i18n/locale";

type Props = {
  current: Locale;
  /** The page's unprefixed path: the switch lands on the same page. */
  path: string;
  label: string;
  /** Each language named in itself. */
  names: Record<Locale, string>;
};

/**
 * The explicit language choice (ADR 29): plain links, so it works without JavaScript.
 * Each goes through /locale/…, which remembers the choice in a cookie and redirects.
 */
export function LocaleSwitcher({ current, path, label, names }: Props) {
  return (
    <nav aria-label={label} className="text-sm">
      <ul className="flex gap-3">
        {LOCALES.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale} className="font-semibold">
                {names[locale]}
              </span>
            ) : (
              <a
                href={switchLocaleHref(locale, path)}
                lang={locale}
                hrefLang={locale}
                className="underline underline-offset-2"
              >
                {names[locale]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

import {
  APPLE_TOUCH_ICON,
  FAVICONS,
  MANIFEST,
  SITE_DESCRIPTION,
  SITE_NAME,
  THEME_COLORS,
} from "@/app/_components/site-head";

/**
 * The whole document of the buddy page, which pages/b/[token].tsx renders to a string and
 * sends itself: the same <head> and <body> as app/layout.tsx, never indexed, the address
 * never sent onwards, and no script at all.
 */
export function BuddyDocument({
  title,
  stylesheets,
  children,
}: {
  title: string;
  stylesheets: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          name="theme-color"
          content={THEME_COLORS.light}
          media="(prefers-color-scheme: light)"
        />
        <meta name="theme-color" content={THEME_COLORS.dark} media="(prefers-color-scheme: dark)" />
        <meta name="description" content={SITE_DESCRIPTION} />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · ${SITE_NAME}`}</title>
        <link rel="manifest" href={MANIFEST} />
        {FAVICONS.map((icon) => (
          <link key={icon.url} rel="icon" href={icon.url} type={icon.type} sizes={icon.sizes} />
        ))}
        <link rel="apple-touch-icon" href={APPLE_TOUCH_ICON} />
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body className="min-h-dvh font-sans antialiased">{children}</body>
    </html>
  );
}

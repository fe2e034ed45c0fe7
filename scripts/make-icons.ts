/**
 * Draws the install icons in public/icons/ from app/icon.svg, in Chromium, so the PNGs
 * always match the mark. Run it again after changing the icon, and commit the output:
 *
 *   npx tsx scripts/make-icons.ts
 *
 * "any" icons keep the round mark on a transparent square; the maskable and Apple icons
 * fill the square (Android crops to its own shape, iOS rounds the corners and shows
 * transparency as black) and keep the ember inside the central safe zone.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync("app/icon.svg", "utf8");
const background = /<circle[^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? "#f7e4dc";
const ember = /<path[^>]*\/>/.exec(svg)?.[0] ?? "";

/** The ember alone on a full square, scaled about the centre. */
const fullBleed = (scale: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16) scale(${scale}) translate(-16 -15)">${ember}</g></svg>`;

const icons = [
  { file: "icon-192.png", size: 192, svg },
  { file: "icon-512.png", size: 512, svg },
  // The safe zone is the central circle of 80% of the size: the ember stays well inside.
  { file: "icon-maskable-512.png", size: 512, svg: fullBleed(1.1) },
  { file: "apple-touch-icon.png", size: 180, svg: fullBleed(1.3) },
];

async function main() {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    mkdirSync("public/icons", { recursive: true });
    for (const icon of icons) {
      const page = await browser.newPage({
        viewport: { width: icon.size, height: icon.size },
        deviceScaleFactor: 1,
      });
      const image = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString("base64")}`;
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${image}" width="${icon.size}" height="${icon.size}" style="display:block"></body></html>`,
      );
      await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
      await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: true });
      await page.close();
      console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

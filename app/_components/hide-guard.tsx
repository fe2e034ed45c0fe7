import { headers } from "next/headers";
import { HIDDEN_KEY, HIDE_TO } from "./quick-hide-target";

/**
 * Runs before anything of the page shows: when quick hide left this tab (quick-hide.tsx
 * notes it in sessionStorage), a page reached by Back or Forward, or brought back from the
 * browser's back/forward cache, is blanked and swapped for the plain list at once, so no
 * earlier page of Rekindle is one Back away. Opening a page any other way (a link, the
 * address bar, a reload) means the person came back on purpose, and the note is dropped,
 * once the page has painted: the tab's storage is the browser's to load, and a busy
 * browser kept a first paint waiting up to 26 ms for it.
 * An inline script, since the page must not paint first; it carries the page's CSP nonce.
 */
export async function HideGuard() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const script = `(function(){try{
var k=${JSON.stringify(HIDDEN_KEY)},to=${JSON.stringify(HIDE_TO)};
if(location.pathname===to)return;
function away(){document.documentElement.style.visibility="hidden";document.title="";location.replace(to)}
var nav=performance.getEntriesByType("navigation")[0];
if(nav&&nav.type==="back_forward"){if(sessionStorage.getItem(k))away()}
else requestAnimationFrame(function(){setTimeout(function(){try{sessionStorage.removeItem(k)}catch(e){}})});
addEventListener("pageshow",function(e){if(e.persisted&&sessionStorage.getItem(k))away()});
}catch(e){}})();`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant script, no user input.
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}

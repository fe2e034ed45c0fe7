import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "@/app/_components/button";

/** The button as the server sends it: what a person can tap before the page's script runs. */
const served = (props: Parameters<typeof Button>[0]) =>
  renderToString(createElement(Button, props, "Save entry"));

describe("a button before the page's script has run", () => {
  it("is disabled, plain or submit: its form only works through script", () => {
    expect(served({})).toMatch(/<button[^>]* disabled=""/);
    expect(served({ type: "submit" })).toMatch(/<button[^>]* disabled=""/);
  });

  it("is live when it is a submit whose form also works without script", () => {
    expect(served({ type: "submit", worksWithoutScript: true })).not.toMatch(/ disabled=""/);
  });

  it("stays disabled while busy or when the form disables it, whatever it waits for", () => {
    expect(served({ type: "submit", busy: true, worksWithoutScript: true })).toMatch(/disabled=""/);
    expect(served({ type: "submit", disabled: true, worksWithoutScript: true })).toMatch(
      /disabled=""/,
    );
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { isTrustedSender } from "./sender";

const APP = "app://refund-desk";

test("the app's own top-level page is trusted", () => {
  assert.equal(isTrustedSender({ url: "app://refund-desk/index.html", isMainFrame: true }, APP), true);
  assert.equal(
    isTrustedSender({ url: "http://127.0.0.1:4000/index.html", isMainFrame: true }, "http://127.0.0.1:4000"),
    true,
  );
});

test("frames, other schemes, hosts, ports and junk are not", () => {
  for (const [url, isMainFrame] of [
    ["app://refund-desk/index.html", false],
    ["app://refund-desk.evil/index.html", true],
    ["app://other/index.html", true],
    ["https://refund-desk/index.html", true],
    ["file:///C:/app/index.html", true],
    ["http://127.0.0.1:4001/index.html", true],
    ["about:blank", true],
    ["", true],
    ["not a url", true],
  ] as const) {
    const origin = url.startsWith("http://127.0.0.1") ? "http://127.0.0.1:4000" : APP;
    assert.equal(isTrustedSender({ url, isMainFrame }, origin), false, `${url} ${isMainFrame}`);
  }
});

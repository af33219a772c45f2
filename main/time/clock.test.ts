import { test } from "node:test";
import assert from "node:assert/strict";
import { EKO_BASE_URLS } from "../../app/settings";
import { createClock } from "./clock";
import { isEkoHost } from "./eko-hosts";

const UAT = `${EKO_BASE_URLS.uat}/customer/payment/refund/13192443/otp`;
const PRODUCTION = `${EKO_BASE_URLS.production}/tools/reference/transaction/13192443`;
const HOUR = 3_600_000;
/** A Date header `ms` from local time `local`: the clock reads it as the middle of its second. */
const dateAt = (local: number, ms: number) => new Date(local + ms).toUTCString();

test("a fresh clock uses local time and knows no offset", () => {
  const clock = createClock(() => 1_000_000);
  assert.equal(clock.now(), 1_000_000);
  assert.equal(clock.signingTime(UAT), 1_000_000);
  assert.equal(clock.offsetMs(), null);
});

test("learns the offset from a Date header of Eko's hosts and corrects now() and their signatures", () => {
  let local = Date.parse("2026-11-25T10:00:00Z");
  const clock = createClock(() => local);
  // The server says it is 5 h 30 min later (a kiosk set to UTC instead of IST, say).
  clock.observe(UAT, dateAt(local, 19_800_000), local);
  const offset = clock.offsetMs();
  assert.ok(offset !== null && Math.abs(offset - 19_800_000) <= 1_000, `offset ${offset}`);
  local += 60_000;
  assert.ok(Math.abs(clock.now() - (local + 19_800_000)) <= 1_000);
  assert.equal(clock.signingTime(PRODUCTION), clock.now());
});

test("the kiosk clocks the app survives today are within the default bound: 2 h ahead, 3 h behind, 5 h 30", () => {
  const local = Date.parse("2026-11-25T10:00:00Z");
  for (const shift of [-2 * HOUR, 3 * HOUR, 19_800_000, -19_800_000]) {
    const clock = createClock(() => local);
    clock.observe(PRODUCTION, dateAt(local, shift), local);
    assert.equal(clock.offsetMs(), shift + 500, String(shift));
  }
});

test("a Date beyond the bound is not believed: the offset stays as it was and signatures keep their time", () => {
  const local = Date.parse("2026-11-25T10:00:00Z");
  const clock = createClock(
    () => local,
    () => 6 * HOUR,
  );
  clock.observe(UAT, dateAt(local, 60_000), local);
  assert.equal(clock.offsetMs(), 60_500);
  // One reply saying it is 2030 would otherwise date every later signature years ahead.
  clock.observe(UAT, "Tue, 01 Jan 2030 00:00:00 GMT", local);
  assert.equal(clock.offsetMs(), 60_500);
  assert.equal(clock.signingTime(UAT), local + 60_500);
  // The bound itself is allowed, a millisecond more is not (read half a second into local time's second).
  clock.observe(UAT, dateAt(local, 6 * HOUR), local + 500);
  assert.equal(clock.offsetMs(), 6 * HOUR);
  clock.observe(UAT, dateAt(local, -6 * HOUR), local + 501);
  assert.equal(clock.offsetMs(), 6 * HOUR);
  clock.observe(UAT, dateAt(local, -6 * HOUR), local + 500);
  assert.equal(clock.offsetMs(), -6 * HOUR);
});

test("a bound lowered after learning stops the offset being applied", () => {
  const local = Date.parse("2026-11-25T10:00:00Z");
  let boundMs = 6 * HOUR;
  const clock = createClock(
    () => local,
    () => boundMs,
  );
  clock.observe(UAT, dateAt(local, 2 * HOUR), local);
  assert.equal(clock.signingTime(UAT), local + 2 * HOUR + 500);
  boundMs = 30 * 60_000;
  assert.equal(clock.offsetMs(), null);
  assert.equal(clock.signingTime(UAT), local);
  assert.equal(clock.now(), local);
});

test("replies from anywhere but Eko's hosts teach nothing, and requests there are signed with the PC's time", () => {
  const local = Date.parse("2026-11-25T10:00:00Z");
  const clock = createClock(() => local);
  const elsewhere = [
    "http://127.0.0.1:49152/ekoapi/v3/customer/payment/refund/13192443/otp",
    "https://api.eko.in:25002/ekoicici/v3/customer/payment/refund/13192443/otp",
    "https://staging.eko.in.attacker.example/ekoapi/v3",
    "http://staging.eko.in/ekoapi/v3",
    "not a url",
  ];
  for (const url of elsewhere) clock.observe(url, dateAt(local, HOUR), local);
  assert.equal(clock.offsetMs(), null);
  clock.observe(UAT, dateAt(local, HOUR), local);
  for (const url of elsewhere) assert.equal(clock.signingTime(url), local, url);
  assert.equal(clock.signingTime(UAT), local + HOUR + 500);
});

test("Eko's hosts are compared by origin: scheme, host and port exactly", () => {
  assert.equal(isEkoHost(UAT), true);
  assert.equal(isEkoHost(PRODUCTION), true);
  assert.equal(isEkoHost("https://STAGING.eko.in:443/anything"), true);
  assert.equal(isEkoHost("https://api.eko.in:25002/ekoicici/v3"), false);
  assert.equal(isEkoHost("https://eko.in/ekoapi/v3"), false);
  assert.equal(isEkoHost("https://127.0.0.1/ekoapi/v3"), false);
});

test("ignores a missing or unparseable Date header", () => {
  const clock = createClock(() => 5);
  clock.observe(UAT, null, 5);
  clock.observe(UAT, "yesterday-ish", 5);
  assert.equal(clock.offsetMs(), null);
});

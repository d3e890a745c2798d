// Must come first: the wizard's cookie sealing imported below is server code.
import "./server-only-shim";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { addDays, closingHoliday, localDateOf, weekdayOf, type LocalDate } from "../lib/domain";
import { sealState } from "../lib/server/wizard-state";
import { countOverbookings, readOfficeState } from "./capacity-check";
import { createPostgresBenchDatabase, DEFAULT_BENCH_POSTGRES_URL, type BenchDatabase } from "./databases";
import { CLERKS, createBenchOffice, OFFICE_SLUG, planBookings, SERVICES, TIME_ZONE, TODAY, TOTAL_BOOKINGS } from "./fixture";
import { driveLoad, type PreparedRequest } from "./http-load";
import { problemsOf, routeTable, summarizeLoad, type LoadSummary } from "./http-report";
import { BENCH_DIST_DIR, ensureBuild, type Instance, sampleMemory, startInstance } from "./http-server";
import { LIST_DAYS, MEASURED_SERVICE } from "./measure";
import { onCleanUp, runBenchmark, writeResults } from "./runner";

// `npm run bench:http`: the production build (`next start`) on PostgreSQL under load from autocannon, with one and
// with two instances. Environment: BENCH_POSTGRES_URL, BENCH_HTTP_SECONDS, BENCH_HTTP_CONNECTIONS, BENCH_HTTP_BOOKINGS.

function countFromEnv(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}`);
  return value;
}
const SECONDS = countFromEnv("BENCH_HTTP_SECONDS", 10, 1);
const CONNECTIONS = countFromEnv("BENCH_HTTP_CONNECTIONS", 16, 2);
const BOOKINGS = countFromEnv("BENCH_HTTP_BOOKINGS", 150, 10);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL?.trim() || DEFAULT_BENCH_POSTGRES_URL;
const INSTANCE_COUNTS = [1, 2];
/** The 10-minute service: bookings at distinct starts never overlap, so each finds its listed place free. */
const BOOKED_SERVICE = "abholung";
/** Bookings go to the weeks after the four listed ones, so that the reads of the second configuration see the same calendar. */
const BOOKING_FROM_DAY = 35;
/** The first background-jobs run starts 10 s after a server starts; measurements begin after it. */
const SETTLE_MS = 20_000;
/** The office's default holiday region (the schema's default). */
const HOLIDAY_REGION = "DE-RP";
const RESULTS_FILE = path.join(__dirname, ".results", "http-latest.json");

// One secret for the servers and for sealing the wizard's cookie here, exactly as the personal-data step does.
const SECRET = randomBytes(32).toString("hex");
process.env.NEXTAUTH_SECRET = SECRET;

const log = (text: string) => process.stderr.write(text);


/**
 * A distinct client address per request. The servers trust one proxy hop (TRUSTED_PROXY_HOPS=1) and so count each
 * request against its own address, as for a crowd of citizens: the per-address limits (60 slot reads a minute, 30
 * booking attempts an hour) apply, every request pays for its counter row, and none is refused for the load
 * generator's single loopback address.
 */
let clients = 0;
function nextClientAddress(): string {
  const n = ++clients;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** The fixture's calendar, moved by whole weeks so that its "today" is the Monday of this week (next week's on a weekend). */
function calendarShiftDays(today: LocalDate): number {
  const monday = addDays(addDays(today, 2), 1 - weekdayOf(addDays(today, 2)));
  return Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${TODAY}T00:00:00Z`)) / 86_400_000);
}

interface Booking {
  start: string;
  address: string;
  altcha: string;
}

/**
 * fetch for the preparation, retried on a connection reset: between two challenges a kept-alive connection may sit
 * idle past the server's keep-alive timeout and be closed just as it is reused.
 */
async function setupFetch(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Free starts of the 10-minute service, in order, after the listed weeks: as many as the runs need. */
async function freeStarts(url: string, from: LocalDate, wanted: number): Promise<string[]> {
  const starts: string[] = [];
  for (let day = from; starts.length < wanted; day = addDays(day, 62)) {
    const res = await setupFetch(`${url}/api/v1/offices/${OFFICE_SLUG}/services/${BOOKED_SERVICE}/slots?from=${day}&to=${addDays(day, 61)}`, {
      headers: { "x-forwarded-for": nextClientAddress() },
    });
    if (!res.ok) throw new Error(`Listing free starts: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { to: string; slots: Array<{ start: string }> };
    starts.push(...new Set(body.slots.map((s) => s.start)));
    if (body.to < addDays(day, 61)) break; // the horizon ends here
  }
  if (starts.length < wanted) throw new Error(`Only ${starts.length} free starts for ${wanted} bookings`);
  return starts.slice(0, wanted);
}

/** A challenge fetched as the client would, solved with altcha-lib as the widget's worker does, ahead of the run. */
async function solvedChallenge(url: string, address: string): Promise<string> {
  const res = await setupFetch(`${url}/api/antibot/challenge`, { headers: { "x-forwarded-for": address } });
  if (!res.ok) throw new Error(`Challenge: HTTP ${res.status}`);
  const challenge = (await res.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("Challenge not solved");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

async function prepareBookings(url: string, starts: string[]): Promise<Booking[]> {
  const bookings: Booking[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < starts.length) {
      const start = starts[next++];
      const address = nextClientAddress();
      bookings.push({ start, address, altcha: await solvedChallenge(url, address) });
      if (++done % 50 === 0) log(`${done} `);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, os.cpus().length) }, worker));
  return bookings.sort((a, b) => a.start.localeCompare(b.start));
}

interface RouteResult {
  name: string;
  summary: LoadSummary;
}

interface ConfigurationResult {
  instances: number;
  routes: RouteResult[];
  peakRssBytes: { perInstance: number[]; sum: number };
  bookingsStored: number;
  overbookedSpans: number;
  loadAverage: number[];
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  ensureBuild(log);

  log("PostgreSQL: migrating a temporary database ... ");
  const bench: BenchDatabase = await createPostgresBenchDatabase(POSTGRES_URL, 10);
  onCleanUp(bench.dispose);
  const { db } = bench;
  const today = localDateOf(new Date(), TIME_ZONE);
  const shift = calendarShiftDays(today);
  const plan = planBookings();
  // Moved by whole weeks, the calendar meets other public holidays, on which the office (Rhineland-Palatinate, the
  // default region) is closed: their bookings are left out.
  const moved = {
    ...plan,
    bookings: plan.bookings
      .map((b) => ({ ...b, date: addDays(b.date, shift) }))
      .filter((b) => !closingHoliday({ holidayRegion: HOLIDAY_REGION, openHolidays: [] }, b.date)),
  };
  log(`inserting ${moved.bookings.length.toLocaleString("en-US")} bookings ... `);
  const office = await createBenchOffice(db, { slug: OFFICE_SLUG, name: "Bürgerbüro (Benchmark)" }, moved);
  await db.$executeRawUnsafe('ANALYZE "Booking"');
  // The calendar itself must respect capacity, or the check after the runs would say nothing.
  const setupCheck = countOverbookings(await readOfficeState(db, office.officeId, new Date()));
  if (setupCheck.overbookedSpans > 0) throw new Error(`Generated bookings exceed capacity: ${JSON.stringify(setupCheck.examples)}`);
  log("done\n");

  const env = {
    DATABASE_URL: bench.url,
    NEXTAUTH_SECRET: SECRET,
    ANTIBOT: "on",
    TRUSTED_PROXY_HOPS: "1",
    // The jobs' first run is waited out (SETTLE_MS); the next one must not fall into a measurement.
    JOBS_INTERVAL_MS: String(30 * 60_000),
  };
  // No SMTP server: the outbox worker keeps the confirmations in the database, as for the development inbox.
  delete process.env.SMTP_URL;

  const instances: Instance[] = [];
  const startOne = async () => {
    const instance = await startInstance(env);
    onCleanUp(instance.stop);
    instances.push(instance);
    return instance;
  };
  log("starting next start ... ");
  const first = await startOne();
  log(`${first.url} (pid ${first.pid})\n`);

  const runs = INSTANCE_COUNTS.length;
  const perRun = BOOKINGS + CONNECTIONS; // autocannon prepares each connection's next request before it stops
  log(`listing ${runs * perRun} free starts and solving as many proof-of-work challenges ... `);
  const starts = await freeStarts(first.url, addDays(today, BOOKING_FROM_DAY), runs * perRun);
  const solveStarted = performance.now();
  const prepared = await prepareBookings(first.url, starts);
  const solveSeconds = (performance.now() - solveStarted) / 1000;
  log(`done in ${solveSeconds.toFixed(0)} s\n`);

  // The step-3 page needs the wizard's cookie with the personal data of step 2.
  const cookie = `tv_wizard=${sealState({
    office: OFFICE_SLUG,
    service: MEASURED_SERVICE,
    person: { familyName: "Muster", email: "muster@bench.example.org", dateOfBirth: "1990-01-01", persons: 1, privacyConsent: true },
  })}`;
  const listTo = addDays(today, LIST_DAYS - 1);
  const routes: Record<string, (booking: () => Booking | undefined) => PreparedRequest> = {
    "GET /api/health": () => ({ method: "GET", path: "/api/health", headers: { "x-forwarded-for": nextClientAddress() } }),
    [`GET /${OFFICE_SLUG}/${MEASURED_SERVICE}/termin (step 3)`]: () => ({
      method: "GET",
      path: `/${OFFICE_SLUG}/${MEASURED_SERVICE}/termin`,
      headers: { cookie, "x-forwarded-for": nextClientAddress() },
    }),
    [`GET .../slots (${LIST_DAYS} days)`]: () => ({
      method: "GET",
      path: `/api/v1/offices/${OFFICE_SLUG}/services/${MEASURED_SERVICE}/slots?from=${today}&to=${listTo}`,
      headers: { "x-forwarded-for": nextClientAddress() },
    }),
    "POST /api/v1/bookings": (booking) => {
      const b = booking();
      if (!b) throw new Error("More booking requests than prepared");
      return {
        method: "POST",
        path: "/api/v1/bookings",
        headers: { "content-type": "application/json", "x-forwarded-for": b.address, "x-altcha": b.altcha },
        body: JSON.stringify({
          office: OFFICE_SLUG,
          service: BOOKED_SERVICE,
          start: b.start,
          givenName: "Last",
          familyName: "Lastprobe",
          email: `http-${b.address.replace(/\./g, "-")}@bench.example.org`,
          dateOfBirth: "1990-01-01",
          privacyConsent: true,
          locale: "de",
        }),
      };
    },
  };
  const routeNames = Object.keys(routes);

  // Each route answers as it should before it is measured: a benchmark of error pages would be worthless.
  const page = await fetch(`${first.url}${routes[routeNames[1]](() => undefined).path}`, { headers: { cookie }, redirect: "manual" });
  const pageHtml = await page.text();
  if (page.status !== 200 || !pageHtml.includes(`/${OFFICE_SLUG}/${MEASURED_SERVICE}/termin`)) {
    throw new Error(`The step-3 page answered HTTP ${page.status} without its calendar`);
  }
  const slotsCheck = await fetch(`${first.url}${routes[routeNames[2]](() => undefined).path}`, { headers: { "x-forwarded-for": nextClientAddress() } });
  const listed = ((await slotsCheck.json()) as { slots?: unknown[] }).slots?.length ?? 0;
  if (!slotsCheck.ok || listed === 0) throw new Error(`The slot list answered HTTP ${slotsCheck.status} with ${listed} slots`);

  const results: ConfigurationResult[] = [];
  for (const [run, count] of INSTANCE_COUNTS.entries()) {
    while (instances.length < count) {
      log("starting another next start ... ");
      const more = await startOne();
      log(`${more.url} (pid ${more.pid})\n`);
    }
    const active = instances.slice(0, count);
    const settle = Math.max(...active.map((i) => i.startedAt + SETTLE_MS)) - Date.now();
    if (settle > 0) await new Promise((r) => setTimeout(r, settle));
    const urls = active.map((i) => i.url);
    const memory = sampleMemory(active.map((i) => i.pid));
    const queues = active.map((_, i) => prepared.slice(run * perRun, (run + 1) * perRun).filter((__, j) => j % count === i));
    const routeResults: RouteResult[] = [];
    for (const name of routeNames) {
      const make = routes[name];
      const isBooking = name.startsWith("POST");
      if (!isBooking) {
        // Warm-up: the first requests of a route load its code and fill the server's caches.
        await driveLoad({ urls, connections: 2 * count, amount: 20 * count, request: () => make(() => undefined) });
      }
      log(`${count} instance(s): ${name} ... `);
      const samples = await driveLoad({
        urls,
        connections: CONNECTIONS,
        ...(isBooking ? { amount: BOOKINGS } : { durationSeconds: SECONDS }),
        request: (instance) => make(() => queues[instance].shift()),
      });
      const summary = summarizeLoad(samples);
      routeResults.push({ name, summary });
      log(`${summary.rps.toFixed(0)} req/s\n`);
    }
    const peakRssBytes = memory.stop();
    const bookingsStored = await db.booking.count({ where: { officeId: office.officeId, email: { endsWith: "@bench.example.org" } } });
    const { overbookedSpans } = countOverbookings(await readOfficeState(db, office.officeId, new Date()));
    results.push({ instances: count, routes: routeResults, peakRssBytes, bookingsStored, overbookedSpans, loadAverage: os.loadavg() });
  }

  const problems: string[] = [];
  let bookedBefore = 0;
  for (const r of results) {
    for (const route of r.routes) problems.push(...problemsOf(`${r.instances} instance(s), ${route.name}`, route.summary));
    const booked = r.routes.find((route) => route.name.startsWith("POST"))!.summary.ok;
    if (r.bookingsStored - bookedBefore !== booked) {
      problems.push(`${r.instances} instance(s): ${booked} bookings answered 201 but ${r.bookingsStored - bookedBefore} stored`);
    }
    bookedBefore = r.bookingsStored;
    if (r.overbookedSpans > 0) problems.push(`${r.instances} instance(s): ${r.overbookedSpans} overbooked spans`);
  }

  const cpus = os.cpus();
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const [version] = await db.$queryRawUnsafe<Array<{ server_version: string }>>("SHOW server_version");
  const lines: string[] = [];
  lines.push(`Terminvergabe HTTP load benchmark, ${startedAt.toISOString()} (took ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)`);
  lines.push(
    `Machine: Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown"}), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB; PostgreSQL ${version.server_version.split(" ")[0]}; ` +
      `load average ${loadAtStart.map((l) => l.toFixed(1)).join(" ")} at start, ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at end`,
  );
  lines.push(
    `Server: next start (build in ${BENCH_DIST_DIR}), NODE_ENV=production, pool 10 connections per instance, ANTIBOT=on, TRUSTED_PROXY_HOPS=1 ` +
      "(each request from its own client address in X-Forwarded-For).",
  );
  lines.push(
    `Data: 1 office, ${CLERKS} clerks, ${office.bookings.toLocaleString("en-US")} bookings (the benchmark's ${TOTAL_BOOKINGS.toLocaleString("en-US")} ` +
      `moved to start on Mon ${addDays(TODAY, shift)}, less those on public holidays: 3 weeks full, 3 weeks at 90 %, the rest at random); today ${today}.`,
  );
  lines.push(
    `Load: autocannon, ${CONNECTIONS} connections split evenly across the instances, ${SECONDS} s per GET route after 20 warm-up requests ` +
      `per instance; ${BOOKINGS} bookings per configuration at distinct free starts of the ${SERVICES.find((s) => s.slug === BOOKED_SERVICE)?.durationMinutes}-minute service ` +
      `from day ${BOOKING_FROM_DAY} on, each with its own proof of work (solved ahead: ${prepared.length} in ${solveSeconds.toFixed(0)} s).`,
  );
  for (const r of results) {
    lines.push("");
    lines.push(
      `${r.instances} instance(s): peak RSS ${r.peakRssBytes.perInstance.map(mib).join(" + ")}` +
        (r.instances > 1 ? ` (together at most ${mib(r.peakRssBytes.sum)})` : "") +
        `; bookings stored ${r.bookingsStored}; overbooked spans ${r.overbookedSpans}; load average after ${r.loadAverage[0].toFixed(1)}`,
    );
    lines.push(routeTable(r.routes));
  }
  lines.push("");
  lines.push(problems.length === 0 ? "Result: OK" : `Result: FAILED\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  if (problems.length > 0) {
    // What the servers logged about failed requests (the API's error funnel logs an error's name and code only).
    const logged = instances.flatMap((instance, i) =>
      instance
        .output()
        .split("\n")
        .filter((line) => /error|warn|fail/i.test(line))
        .slice(-10)
        .map((line) => `  [instance ${i + 1}] ${line.slice(0, 300)}`),
    );
    if (logged.length > 0) lines.push(`Server log (last lines about errors):\n${logged.join("\n")}`);
  }
  console.log(lines.join("\n"));

  writeResults(RESULTS_FILE, {
    date: startedAt.toISOString(),
    machine: { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model.trim(), loadAtStart, loadAtEnd: os.loadavg() },
    config: { seconds: SECONDS, connections: CONNECTIONS, bookings: BOOKINGS, today, measuredService: MEASURED_SERVICE, bookedService: BOOKED_SERVICE },
    results,
    problems,
    ok: problems.length === 0,
  });
  return problems.length === 0 ? 0 : 1;
}

runBenchmark(main, "stopping the servers and removing the temporary database");

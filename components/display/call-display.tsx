"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { type DisplayCall, type DisplayState, replacesDisplayState } from "@/lib/schemas/display";
import { playGong, speakCall } from "./announce";

export interface CallDisplayTexts {
  title: string;
  newest: string;
  number: string;
  counter: string;
  previous: string;
  empty: string;
  hint: string;
  lost: string;
  lostHint: string;
  soundOn: string;
  soundHint: string;
}

/** Without a stream or a successful poll for this long, the screen says so and greys out its numbers. */
const LOST_AFTER_MS = 4000;
const POLL_MS = 2000;
const REOPEN_MS = 3000;

type AudioContextConstructor = typeof AudioContext;

/**
 * The waiting room's screen: the newest call large, the ones before it below, updated from the office's event
 * stream (reconnecting by itself, polling the state while the stream is down). Every new call (a repeated call
 * too) rings the gong and, where the office wants it, is read out.
 */
export function CallDisplay({
  officeName,
  brand,
  initial,
  eventsUrl,
  stateUrl,
  announce,
  announcements,
  texts,
}: {
  officeName: string;
  /** The city's name and logo (administrators' branding), shown beside the office's name. */
  brand?: { cityName: string | null; logo: { url: string; alt: string } | null };
  initial: DisplayState;
  eventsUrl: string;
  stateUrl: string;
  announce: boolean;
  announcements: Record<string, string>;
  texts: CallDisplayTexts;
}) {
  const [state, setState] = useState(initial);
  const [lost, setLost] = useState(false);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const seen = useRef(new Set(initial.calls.map((c) => c.key)));
  const audio = useRef<AudioContext | null>(null);

  const ring = useCallback(
    (fresh: DisplayCall[]) => {
      const ctx = audio.current;
      const gongMs = ctx && ctx.state === "running" ? playGong(ctx) : 0;
      if (!announce) return;
      window.setTimeout(() => {
        for (const call of fresh) speakCall(call, announcements);
      }, gongMs);
    },
    [announce, announcements],
  );

  const shown = useRef(initial);
  const apply = useCallback(
    (next: DisplayState) => {
      if (!replacesDisplayState(shown.current, next)) return;
      shown.current = next;
      setState(next);
      // Oldest first, so that two calls in one update are read out in the order they were made.
      const fresh = next.calls.filter((c) => !seen.current.has(c.key)).reverse();
      for (const call of fresh) seen.current.add(call.key);
      if (fresh.length > 0) ring(fresh);
    },
    [ring],
  );

  useEffect(() => {
    const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext) as
      | AudioContextConstructor
      | undefined;
    if (!Ctor) return;
    const ctx = new Ctor();
    audio.current = ctx;
    // Browsers start audio suspended until a user gesture (unless the kiosk browser allows autoplay).
    setSoundBlocked(ctx.state !== "running");
    const onChange = () => setSoundBlocked(ctx.state !== "running");
    ctx.addEventListener("statechange", onChange);
    return () => {
      ctx.removeEventListener("statechange", onChange);
      void ctx.close();
    };
  }, []);

  useEffect(() => {
    let stream: EventSource | null = null;
    let lastOk = Date.now();
    let pollTimer: number | undefined;
    let reopenTimer: number | undefined;
    let stopped = false;
    const ok = () => {
      lastOk = Date.now();
      setLost(false);
    };
    const poll = async () => {
      try {
        const res = await fetch(stateUrl, { cache: "no-store" });
        // Revoked meanwhile: the page then explains how to pair again.
        if (res.status === 401 || res.status === 403) return window.location.reload();
        if (!res.ok) return;
        apply((await res.json()) as DisplayState);
        ok();
      } catch {
        // The watchdog shows the lost state.
      }
    };
    const startPolling = () => {
      if (pollTimer === undefined) pollTimer = window.setInterval(() => void poll(), POLL_MS);
    };
    const stopPolling = () => {
      window.clearInterval(pollTimer);
      pollTimer = undefined;
    };
    const open = () => {
      if (stopped) return;
      const es = new EventSource(eventsUrl);
      stream = es;
      es.onopen = () => {
        ok();
        stopPolling();
      };
      es.addEventListener("state", (event) => {
        ok();
        apply(JSON.parse((event as MessageEvent<string>).data) as DisplayState);
      });
      es.addEventListener("revoked", () => window.location.reload());
      es.onerror = () => {
        startPolling();
        // The browser retries by itself unless the answer was no stream at all (e.g. 403 or 502).
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          window.clearTimeout(reopenTimer);
          reopenTimer = window.setTimeout(open, REOPEN_MS);
        }
      };
    };
    open();
    const watchdog = window.setInterval(() => {
      if (stream?.readyState === EventSource.OPEN) lastOk = Date.now();
      if (Date.now() - lastOk > LOST_AFTER_MS) setLost(true);
    }, 1000);
    return () => {
      stopped = true;
      stream?.close();
      stopPolling();
      window.clearTimeout(reopenTimer);
      window.clearInterval(watchdog);
    };
  }, [eventsUrl, stateUrl, apply]);

  const enableSound = () => {
    void audio.current?.resume();
    // Speech also waits for a gesture in some browsers: an empty utterance unlocks it.
    if ("speechSynthesis" in window) window.speechSynthesis.speak(new SpeechSynthesisUtterance(""));
  };

  const [newest, ...previous] = state.calls;
  const stale = lost ? "opacity-25 grayscale" : "";
  return (
    // Sizes follow the smaller of width and height, so that a landscape screen (16:9, 16:10) shows the newest call
    // and all earlier ones without scrolling. Where it still scrolls (a phone, 200 % zoom), the region takes the
    // keyboard focus, so that it can be scrolled without a mouse.
    <div
      data-screen="display"
      data-connection={lost ? "lost" : "live"}
      role="region"
      aria-label={texts.title}
      tabIndex={0}
      className="fixed inset-0 z-40 flex flex-col overflow-auto bg-black text-white focus-visible:[outline-offset:-6px]"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 border-b-4 border-[#ffdd00] px-[3vw] py-3">
        <h1 className="text-[clamp(1.5rem,min(3.5vw,5vh),4rem)] font-bold">{texts.title}</h1>
        <div className="flex items-center gap-[2vw]">
          {brand?.logo && (
            <img
              src={brand.logo.url}
              alt={brand.logo.alt}
              lang="de"
              data-testid="display-logo"
              className="h-[clamp(2.5rem,6vw,6rem)] w-auto rounded bg-white object-contain p-1"
            />
          )}
          <p className="text-[clamp(1rem,2.2vw,2.5rem)] leading-tight">
            {brand?.cityName && (
              <span lang="de" className="block text-[0.7em] text-[#e0e0e0]">
                {brand.cityName}
              </span>
            )}
            {officeName}
          </p>
        </div>
      </div>

      {lost && (
        <div role="alert" data-testid="connection-lost" className="bg-[#b3261e] px-[3vw] py-4">
          <p className="text-[clamp(1.75rem,5vw,5rem)] font-black">{texts.lost}</p>
          <p className="text-[clamp(1rem,2vw,2rem)]">{texts.lostHint}</p>
        </div>
      )}

      <section aria-labelledby="newest-title" className={`px-[3vw] py-[3vh] ${stale}`}>
        <h2 id="newest-title" className="text-[clamp(1.25rem,min(2.5vw,3.5vh),3rem)] text-[#e0e0e0]">
          {texts.newest}
        </h2>
        {newest ? (
          <p data-testid="newest-call" aria-live="polite" className="flex flex-wrap items-baseline gap-x-[4vw] leading-none">
            <span className="sr-only">{texts.number} </span>
            <span data-testid="newest-number" className="font-mono text-[clamp(4rem,min(17vw,18vh),20rem)] font-black text-[#ffdd00]">
              {newest.label}
            </span>
            <span aria-hidden="true" className="text-[clamp(2.5rem,min(8vw,10vh),9rem)] font-bold">
              →
            </span>
            <span className="sr-only">{texts.counter} </span>
            <span data-testid="newest-counter" className="text-[clamp(2.5rem,min(9vw,11vh),10rem)] font-bold">
              {newest.counter}
            </span>
          </p>
        ) : (
          <p className="mt-4 text-[clamp(1.5rem,4vw,4rem)]">{texts.empty}</p>
        )}
      </section>

      {previous.length > 0 && (
        <section aria-labelledby="previous-title" className={`flex-1 border-t-2 border-[#555] px-[3vw] py-[2vh] ${stale}`}>
          <h2 id="previous-title" className="text-[clamp(1.25rem,min(2.5vw,3.5vh),3rem)] text-[#e0e0e0]">
            {texts.previous}
          </h2>
          <table className="mt-2 w-full max-w-5xl text-[clamp(1.75rem,min(4.5vw,4.2vh),5.5rem)] leading-tight">
            <thead className="sr-only">
              <tr>
                <th scope="col">{texts.number}</th>
                <th scope="col">{texts.counter}</th>
              </tr>
            </thead>
            <tbody>
              {previous.map((call) => (
                <tr key={call.key} data-testid="previous-call" className="border-b border-[#333]">
                  <td className="py-1 pe-6 font-mono font-bold">{call.label}</td>
                  <td className="py-1">{call.counter}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <div className="mt-auto flex flex-wrap items-center justify-between gap-4 px-[3vw] py-3 text-[clamp(1rem,min(1.8vw,3vh),2rem)] text-[#e0e0e0]">
        <p>{texts.hint}</p>
        {soundBlocked && (
          <button
            type="button"
            onClick={enableSound}
            className="inline-flex min-h-11 items-center rounded bg-[#ffdd00] px-5 py-2 text-lg font-bold text-black"
            title={texts.soundHint}
          >
            {texts.soundOn}
          </button>
        )}
      </div>
    </div>
  );
}

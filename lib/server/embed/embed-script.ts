import { FRAME_HEIGHT_MESSAGE } from "@/lib/schemas/embed";

// The script a city puts on its own website to embed the booking (served at /einbetten.js), and the snippet that
// loads it. The script places an iframe of the office's (or one service's) booking page after itself and sets the
// frame's height from the messages the framed pages send (components/branding/frame-height.tsx), accepting them
// only from this app's origin and from its own frame.

export const EMBED_SCRIPT_PATH = "/einbetten.js";

/** The snippet for the city's page: the office, optionally one of its services, and the page's language. */
export function embedSnippet(appUrl: string, office: string, options: { service?: string; lang?: string } = {}): string {
  const attributes = [
    `src="${appUrl}${EMBED_SCRIPT_PATH}"`,
    `data-office="${office}"`,
    ...(options.service ? [`data-service="${options.service}"`] : []),
    `data-lang="${options.lang ?? "de"}"`,
    "async",
  ];
  return `<script ${attributes.join(" ")}></script>`;
}

/**
 * The script's source. Everything it needs is written in: the app's origin (the only sender of height messages it
 * believes, and the frame's address), the languages with the frame's title in each, and the default language.
 */
export function embedScript(settings: { origin: string; defaultLocale: string; titles: Record<string, string> }): string {
  const config = JSON.stringify({ ...settings, message: FRAME_HEIGHT_MESSAGE })
    // Inside a script: nothing in the data may close the element or start a comment.
    .replace(/</g, "\\u003c");
  return `/* Terminvergabe: embedded booking. */
(function () {
  "use strict";
  var config = ${config};
  var slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var frames = [];

  function mount(script) {
    if (script.getAttribute("data-terminvergabe") === "mounted") return;
    script.setAttribute("data-terminvergabe", "mounted");
    var office = script.getAttribute("data-office") || "";
    var service = script.getAttribute("data-service") || "";
    var lang = script.getAttribute("data-lang") || config.defaultLocale;
    if (!slug.test(office) || (service && !slug.test(service))) {
      if (window.console) console.error("Terminvergabe: data-office and data-service must be the address names of an office and a service");
      return;
    }
    if (!Object.prototype.hasOwnProperty.call(config.titles, lang)) lang = config.defaultLocale;
    var path = (lang === config.defaultLocale ? "" : "/" + lang) + "/" + office + (service ? "/" + service : "");
    var frame = document.createElement("iframe");
    frame.src = config.origin + path;
    frame.title = config.titles[lang];
    frame.setAttribute("scrolling", "no");
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.overflow = "hidden";
    frame.style.height = "640px";
    script.parentNode.insertBefore(frame, script.nextSibling);
    frames.push(frame);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== config.origin) return;
    var data = event.data;
    if (!data || data.type !== config.message || typeof data.height !== "number" || !isFinite(data.height)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.max(Math.ceil(data.height), 100), 20000) + "px";
      }
    }
  });

  var scripts = document.querySelectorAll("script[data-office]");
  for (var i = 0; i < scripts.length; i++) {
    var src = scripts[i].getAttribute("src") || "";
    if (src.indexOf(config.origin + "${EMBED_SCRIPT_PATH}") === 0) mount(scripts[i]);
  }
})();
`;
}

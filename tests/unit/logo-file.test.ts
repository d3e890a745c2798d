import { PNG } from "pngjs";
import { LOGO_MAX_BYTES, checkLogoFile, pngDimensions } from "@/lib/server/security/logo-file";
import { isSafeValue, sanitizeStylesheet, sanitizeSvg } from "@/lib/server/security/svg-sanitizer";

// The logo upload: SVGs are rebuilt from an allowlist (attack samples below), PNGs are checked chunk by chunk.

const clean = (source: string) => {
  const result = sanitizeSvg(source);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.svg;
};

/** Nothing in the output could run code or load something from elsewhere. */
function expectInert(svg: string) {
  expect(svg).not.toMatch(/<script|<foreignObject|<image|<iframe|<a[\s>]|<!DOCTYPE|<!ENTITY|<\?/i);
  expect(svg).not.toMatch(/\son[a-z]+=/i);
  expect(svg).not.toMatch(/javascript:|data:|https?:\/\/(?!www\.w3\.org\/2000\/svg")/i);
}

const shape = '<rect width="10" height="10" fill="#0b4f8a"/>';

describe("sanitizeSvg", () => {
  it("keeps a plain logo's drawing, gradients, text and local references", () => {
    const source = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generator: Illustrator -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 40" width="120" height="40">
  <title>Stadt Musterstadt</title>
  <defs><linearGradient id="g1" x1="0" x2="1"><stop offset="0" stop-color="#0b4f8a"/><stop offset="1" stop-color="rgb(0, 80, 40)"/></linearGradient></defs>
  <g transform="translate(2 2) scale(0.5)"><path d="M0 0 L10 10 Z" fill="url(#g1)" style="stroke: #000; stroke-width: 2"/></g>
  <use xlink:href="#g1" x="5"/>
  <text x="40" y="30" font-family="Arial, 'Helvetica Neue'">Musterstadt &amp; Land</text>
</svg>`;
    const svg = clean(source);
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40"><title>Stadt Musterstadt</title>' +
        '<defs><linearGradient id="g1" x1="0" x2="1"><stop offset="0" stop-color="#0b4f8a"/><stop offset="1" stop-color="rgb(0, 80, 40)"/></linearGradient></defs>' +
        '<g transform="translate(2 2) scale(0.5)"><path d="M0 0 L10 10 Z" fill="url(#g1)" style="stroke:#000;stroke-width:2"/></g>' +
        '<use href="#g1" x="5"/>' +
        "<text x=\"40\" y=\"30\" font-family=\"Arial, 'Helvetica Neue'\">Musterstadt &amp; Land</text></svg>",
    );
    expectInert(svg);
  });

  it("removes <script> elements, also in CDATA and with a namespace prefix", () => {
    const svg = clean(
      `<svg xmlns="http://www.w3.org/2000/svg">${shape}<script>alert(1)</script><script type="text/javascript"><![CDATA[fetch("//evil.example")]]></script><svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(2)</svg:script></svg>`,
    );
    expect(svg).toBe(`<svg xmlns="http://www.w3.org/2000/svg">${shape}</svg>`);
  });

  it("removes event handlers such as onload, in any case", () => {
    const svg = clean(
      `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" ONLOAD="alert(2)"><g onclick="alert(3)" onmouseover='alert(4)'>${shape}</g><animate onbegin="alert(5)" attributeName="x"/><set attributeName="onmouseover" to="alert(6)"/></svg>`,
    );
    expect(svg).toBe(`<svg xmlns="http://www.w3.org/2000/svg"><g>${shape}</g></svg>`);
  });

  it('removes xlink:href="javascript:" links and unwraps the link around the drawing', () => {
    const svg = clean(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)">${shape}</a><use xlink:href="javascript:alert(2)"/><a href="jav&#x61;script:alert(3)"><circle r="4"/></a></svg>`,
    );
    expect(svg).toBe(`<svg xmlns="http://www.w3.org/2000/svg">${shape}<use/><circle r="4"/></svg>`);
    expectInert(svg);
  });

  it("removes <foreignObject> with the HTML inside it", () => {
    const svg = clean(
      `<svg xmlns="http://www.w3.org/2000/svg">${shape}<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"></iframe><img src="x" onerror="alert(1)"/></body></foreignObject></svg>`,
    );
    expect(svg).toBe(`<svg xmlns="http://www.w3.org/2000/svg">${shape}</svg>`);
  });

  it('removes external references: <image href="http://...">, external use, url() and @import', () => {
    const svg = clean(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
        <image href="http://evil.example/track.png" width="10" height="10"/>
        <image xlink:href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>
        <use href="http://evil.example/sprite.svg#logo"/>
        <rect width="10" height="10" fill="url(http://evil.example/p.svg#x)" style="fill: url('https://evil.example/a'); stroke: red"/>
        <style>@import url("https://evil.example/x.css"); .a { fill: blue }</style>
        <style>.b { fill: url(//evil.example/x); stroke: #fff } .c { behavior: url(x.htc) }</style>
        <filter id="f"><feImage href="https://evil.example/i.png"/></filter>
      </svg>`,
    );
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"><use/><rect width="10" height="10" style="stroke:red"/>' +
        '<style>.b{stroke:#fff}</style><filter id="f"/></svg>',
    );
    expectInert(svg);
  });

  it("does not expand entities (billion laughs) and drops the doctype", () => {
    const laughs = [
      '<?xml version="1.0"?>',
      "<!DOCTYPE svg [",
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`),
      '  <!ENTITY xxe SYSTEM "file:///etc/passwd">',
      "]>",
      `<svg xmlns="http://www.w3.org/2000/svg">${shape}<text>&lol9;&xxe;</text></svg>`,
    ].join("\n");
    const svg = clean(laughs);
    expect(svg).toBe(`<svg xmlns="http://www.w3.org/2000/svg">${shape}<text>&amp;lol9;&amp;xxe;</text></svg>`);
    expect(svg.length).toBeLessThan(200);
    expectInert(svg);
  });

  it("escapes what it writes, so that text cannot become markup", () => {
    const svg = clean(`<svg xmlns="http://www.w3.org/2000/svg">${shape}<title>&lt;script&gt;alert(1)&lt;/script&gt;</title><g aria-label='"&gt;&lt;script&gt;'/></svg>`);
    expect(svg).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(svg).toContain('aria-label="&quot;&gt;&lt;script&gt;"');
    expectInert(svg);
  });

  it("refuses what is not a drawable SVG document, or too large a tree", () => {
    expect(sanitizeSvg("<html><body>no</body></html>")).toEqual({ ok: false, reason: "svgNoRoot" });
    expect(sanitizeSvg(`<svg>${shape}</svg><svg>${shape}</svg>`)).toEqual({ ok: false, reason: "svgNoRoot" });
    expect(sanitizeSvg('<svg><script>alert(1)</script><foreignObject><rect width="1"/></foreignObject></svg>')).toEqual({
      ok: false,
      reason: "svgEmpty",
    });
    expect(sanitizeSvg(`<svg>${"<g>".repeat(60)}${shape}${"</g>".repeat(60)}</svg>`)).toEqual({ ok: false, reason: "svgTooComplex" });
    expect(sanitizeSvg(`<svg>${shape.repeat(6000)}</svg>`)).toEqual({ ok: false, reason: "svgTooComplex" });
  });
});

describe("style values", () => {
  it("allows colours, transforms and references inside the file only", () => {
    for (const ok of ["#0b4f8a", "rgb(1, 2, 3)", "url(#g)", "url('#g')", "translate(2 2) rotate(45)", "Arial, sans-serif", "1.5px", "none"]) {
      expect([ok, isSafeValue(ok)]).toEqual([ok, true]);
    }
    for (const bad of ["url(x.svg#g)", "url(data:image/png;base64,AA)", "expression(alert(1))", "calc(1px)", "javascript:alert(1)", "red;}", "a\\75 rl(x)", "var(--x)", "(1)"]) {
      expect([bad, isSafeValue(bad)]).toEqual([bad, false]);
    }
  });

  it("keeps plain rules and drops at-rules, comments and escapes entirely", () => {
    expect(sanitizeStylesheet(".st0{fill:#0B4F8A;} .st1 , g>path { stroke : #fff ; position: fixed }")).toBe(
      ".st0{fill:#0B4F8A}.st1 , g>path{stroke:#fff}",
    );
    expect(sanitizeStylesheet("@font-face{src:url(https://evil.example/f)} .a{fill:red}")).toBe("");
    expect(sanitizeStylesheet(".a{fill:red} /* x */")).toBe("");
    expect(sanitizeStylesheet(".a{fill:\\72 ed}")).toBe("");
  });
});

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return new Uint8Array(PNG.sync.write(image));
}

describe("checkLogoFile", () => {
  it("accepts a PNG by its signature and structure, whatever it is called", () => {
    const bytes = png(120, 40);
    expect(pngDimensions(bytes)).toEqual({ width: 120, height: 40 });
    expect(checkLogoFile(bytes)).toEqual({ ok: true, type: "image/png", bytes });
  });

  it("refuses a PNG that is cut off, has trailing data, or a forged header", () => {
    const bytes = png(120, 40);
    expect(checkLogoFile(bytes.subarray(0, bytes.length - 4))).toEqual({ ok: false, reason: "logoInvalid" });
    expect(checkLogoFile(new Uint8Array([...bytes, 0x3c, 0x73]))).toEqual({ ok: false, reason: "logoInvalid" });
    const forged = bytes.slice();
    forged[12] = 0x58; // "XHDR"
    expect(checkLogoFile(forged)).toEqual({ ok: false, reason: "logoInvalid" });
    const signatureOnly = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode("<svg onload=alert(1)>")]);
    expect(checkLogoFile(signatureOnly)).toEqual({ ok: false, reason: "logoInvalid" });
  });

  it("refuses PNGs too small or too large in pixels, and files above the size limit", () => {
    expect(checkLogoFile(png(8, 8))).toEqual({ ok: false, reason: "logoDimensions" });
    expect(checkLogoFile(png(2001, 20))).toEqual({ ok: false, reason: "logoDimensions" });
    expect(checkLogoFile(new Uint8Array(LOGO_MAX_BYTES + 1))).toEqual({ ok: false, reason: "logoTooLarge" });
  });

  it("stores an SVG only in its sanitised form, and refuses other formats", () => {
    const result = checkLogoFile(new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">${shape}</svg>`));
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe(`<svg xmlns="http://www.w3.org/2000/svg">${shape}</svg>`);
    expect(checkLogoFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({ ok: false, reason: "logoType" });
    expect(checkLogoFile(new TextEncoder().encode("GIF89a"))).toEqual({ ok: false, reason: "logoType" });
    expect(checkLogoFile(new TextEncoder().encode("<html><script>alert(1)</script></html>"))).toEqual({ ok: false, reason: "logoType" });
  });
});

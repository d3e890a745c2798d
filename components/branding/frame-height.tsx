"use client";

import { useEffect } from "react";
import { FRAME_HEIGHT_MESSAGE } from "@/lib/schemas/embed";

/**
 * Inside a frame (the booking embedded in the city's website), tells the embedding page how tall the content is,
 * whenever that changes, so that the frame can grow and shrink without scrollbars of its own. Outside a frame it
 * does nothing. The height is no secret, so any parent may read it; the script there checks that the message comes
 * from this site and from its own frame.
 */
export function FrameHeight() {
  useEffect(() => {
    if (window.parent === window) return;
    document.documentElement.dataset.embedded = "true";
    let last = -1;
    const report = () => {
      // The body's own height: the document's would never shrink below the frame's current height.
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: FRAME_HEIGHT_MESSAGE, height }, "*");
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => observer.disconnect();
  }, []);
  return null;
}

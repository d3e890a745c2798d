"use client";

import { useEffect, useRef } from "react";

// The kiosk's camera: reads QR codes from the video with the browser's BarcodeDetector where it knows QR codes,
// else with jsqr on frames drawn into a canvas (Chromium on Linux, Firefox). Loaded only when scanning starts.

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** A reader of one video frame: the QR code's text, or null. */
type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

async function frameReader(): Promise<FrameReader> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  const formats: string[] = Detector ? await Detector.getSupportedFormats().catch(() => []) : [];
  if (Detector && formats.includes("qr_code")) {
    const detector = new Detector({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const jsQR = (await import("jsqr")).default;
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "attemptBoth" })?.data ?? null;
  };
}

/** About seven frames a second: quick enough for a code held up, light enough for a tablet. */
const FRAME_INTERVAL_MS = 150;

export function QrScanner({
  label,
  onCode,
  onUnavailable,
}: {
  /** The video's accessible name. */
  label: string;
  onCode: (text: string) => void;
  onUnavailable: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  // The callbacks change with every render of the parent; the camera must not restart for that.
  const handlers = useRef({ onCode, onUnavailable });
  useEffect(() => {
    handlers.current = { onCode, onUnavailable };
  });

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user" }, audio: false });
        if (stopped) return;
        const element = video.current!;
        element.srcObject = stream;
        await element.play();
        const read = await frameReader();
        const tick = async () => {
          if (stopped) return;
          const text = element.readyState >= 2 ? await read(element).catch(() => null) : null;
          if (stopped) return;
          if (text) handlers.current.onCode(text);
          else timer = setTimeout(tick, FRAME_INTERVAL_MS);
        };
        await tick();
      } catch {
        if (!stopped) handlers.current.onUnavailable();
      }
    })();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <video
      ref={video}
      aria-label={label}
      muted
      playsInline
      className="mx-auto aspect-[4/3] w-full max-w-xl -scale-x-100 rounded border-4 border-brand bg-ink object-cover"
    />
  );
}

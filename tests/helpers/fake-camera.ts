import fs from "node:fs";
import { PNG } from "pngjs";

// A picture held in front of the kiosk's camera: Chromium plays a Y4M file as the camera
// (--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>). The PNG is scaled up to fill most
// of the frame on a white background, as a phone screen held close would.

const WIDTH = 640;
const HEIGHT = 480;

/** Writes `png` as a one-frame 4:2:0 Y4M video to `file` and returns the Chromium flags that use it as the camera. */
export function fakeCameraShowing(png: Buffer, file: string): string[] {
  const image = PNG.sync.read(png);
  const scale = Math.max(1, Math.floor(Math.min(WIDTH, HEIGHT) * 0.8 / Math.max(image.width, image.height)));
  const left = Math.floor((WIDTH - image.width * scale) / 2);
  const top = Math.floor((HEIGHT - image.height * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < image.height * scale; y++) {
    for (let x = 0; x < image.width * scale; x++) {
      const i = (Math.floor(y / scale) * image.width + Math.floor(x / scale)) * 4;
      const alpha = image.data[i + 3] / 255;
      const grey = 0.299 * image.data[i] + 0.587 * image.data[i + 1] + 0.114 * image.data[i + 2];
      // Studio-range luma (16-235), as the Y4M decoder expects.
      luma[(top + y) * WIDTH + left + x] = Math.round(16 + (alpha * grey + (1 - alpha) * 255) * (219 / 255));
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, Buffer.from("FRAME\n"), luma, chroma]));
  return ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${file}`];
}

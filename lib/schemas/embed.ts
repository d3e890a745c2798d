// The message an embedded page sends to the page that frames it (components/branding/frame-height.tsx), and that
// the embedding script (/einbetten.js) listens for: `{ type: FRAME_HEIGHT_MESSAGE, height }` in CSS pixels.
export const FRAME_HEIGHT_MESSAGE = "terminvergabe:height";

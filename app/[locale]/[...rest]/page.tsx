import { notFound } from "next/navigation";

// Any deeper unknown address gets the site's own German 404 page inside the locale layout.
export default function CatchAll() {
  notFound();
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While an import is queued or running, re-renders the page from the server every
 * second (router.refresh keeps scroll, focus and open confirmations), so its row moves
 * from queued to done without a reload. Without JavaScript the page's <noscript>
 * refresh does the same, more coarsely.
 */
export function LiveRefresh({ everyMs = 1000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}

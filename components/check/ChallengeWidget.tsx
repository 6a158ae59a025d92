"use client";

import "altcha/altcha.css";
import type {} from "altcha/types/react";
import type { WidgetMethods } from "altcha/types";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";

/** Where the page's proof-of-work worker is served from our own origin (app/altcha/pbkdf2.js). */
export const CHALLENGE_WORKER_URL = "/altcha/pbkdf2.js";

/**
 * The ALTCHA widget (ADR 17): it fetches a challenge, solves it in the background and
 * puts the payload in the form's `altcha` field. The strict-CSP build (altcha/external)
 * brings neither styles nor workers of its own: the stylesheet is bundled with the page
 * and the worker is a same-origin script, so the CSP needs no blob: or inline allowance.
 * `round` changes with every answer of the form: a solution works once, so a new one is
 * solved for the next try.
 */
export function ChallengeWidget({ round }: { round: unknown }) {
  const t = useTranslations("check");
  const [loaded, setLoaded] = useState(false);
  const widget = useRef<HTMLElement & Partial<WidgetMethods>>(null);
  const first = useRef(true);

  useEffect(() => {
    let live = true;
    void import("altcha/external").then(() => {
      for (const algorithm of ["PBKDF2/SHA-256", "PBKDF2/SHA-384", "PBKDF2/SHA-512"]) {
        globalThis.$altcha.algorithms.set(algorithm, () => new Worker(CHALLENGE_WORKER_URL));
      }
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const w = widget.current;
    if (!w?.reset || !w.verify) return;
    w.reset();
    void w.verify();
  }, [round]);

  if (!loaded) return null;
  return (
    <altcha-widget
      ref={widget}
      challenge="/api/v1/challenge"
      name="altcha"
      auto="onload"
      aria-label={t("challengeLabel")}
      data-testid="altcha"
    />
  );
}

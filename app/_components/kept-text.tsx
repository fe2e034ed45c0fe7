"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Every kept text's key starts so: `rekindle:draft:<user id>:<form>`. */
const KEPT_PREFIX = "rekindle:draft:";
/** Typing writes to the device at most this often; leaving the page writes at once. */
const WAIT_MS = 400;

const keyOf = (owner: string, form: string) => `${KEPT_PREFIX}${owner}:${form}`;

/** localStorage, or null where the browser refuses it (private modes, storage off). */
function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readKept(key: string): string | null {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeKept(key: string, json: string | null): void {
  try {
    if (json === null) store()?.removeItem(key);
    else store()?.setItem(key, json);
  } catch {
    // A full or refused store: the form still works, it just can't keep a copy.
  }
}

function removeWhere(storage: Storage | null, drop: (key: string) => boolean): void {
  if (!storage) return;
  try {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
    for (const key of keys) if (key !== null && drop(key)) storage.removeItem(key);
  } catch {
    // Nothing to clear where storage is refused.
  }
}

/** Deletes every text kept on this device, for everyone: signing out leaves none behind. */
export function forgetAllKeptText(): void {
  const ours = (key: string) => key.startsWith("rekindle:");
  removeWhere(store(), ours);
  try {
    removeWhere(window.sessionStorage, ours);
  } catch {
    // sessionStorage refused: nothing of ours is in it.
  }
}

/** Someone else's texts on a shared phone go as soon as this person opens a form. */
function forgetOthers(owner: string): void {
  const mine = keyOf(owner, "");
  removeWhere(store(), (key) => key.startsWith(KEPT_PREFIX) && !key.startsWith(mine));
}

export interface KeptText {
  /** The form came back filled from this device; true until saved or discarded. */
  restored: boolean;
  /** Something was typed that the server doesn't have yet. */
  unsaved: boolean;
  /** Puts the form back as it started and forgets the kept copy. */
  discard: () => void;
  /** Forgets the kept copy once the server has the text. */
  forget: () => void;
}

/**
 * Keeps what a person types in one form on this device, under their own user id, and puts
 * it back when they return. `value` is the form's current content, `initial` what the server
 * has (the empty form, or the saved entry); `restore` fills the form with a kept value.
 * Plain JSON values only. While something is unsaved, closing the tab asks first, unless
 * `warn` is false.
 */
export function useKeptText<T>({
  owner,
  form,
  value,
  initial,
  restore,
  warn = true,
}: {
  owner: string;
  form: string;
  value: T;
  initial: T;
  restore: (kept: T) => void;
  warn?: boolean;
}): KeptText {
  const key = keyOf(owner, form);
  const valueJson = JSON.stringify(value);
  const initialJson = JSON.stringify(initial);
  const [restored, setRestored] = useState(false);
  // What the server took last (after a save), so the form stops counting as unsaved.
  const [settled, setSettled] = useState<string | null>(null);

  const live = useRef({ key, valueJson, initialJson, restore });
  live.current = { key, valueJson, initialJson, restore };
  const loaded = useRef(false);
  const written = useRef<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const json = pending.current;
    if (json === null) return;
    pending.current = null;
    written.current = json;
    // Back to what the server has: nothing left to keep.
    writeKept(live.current.key, json === live.current.initialJson ? null : json);
  }, []);

  // Reads the kept copy once per form; runs before the writer below, which waits for it.
  useEffect(() => {
    forgetOthers(owner);
    const kept = readKept(key);
    loaded.current = true;
    if (kept !== null && kept !== live.current.initialJson) {
      try {
        live.current.restore(JSON.parse(kept) as T);
        written.current = kept;
        setRestored(true);
        return;
      } catch {
        writeKept(key, null);
      }
    }
    written.current = live.current.initialJson;
  }, [owner, key]);

  useEffect(() => {
    if (!loaded.current) return;
    clearTimeout(timer.current);
    if (valueJson === written.current) {
      pending.current = null;
      return;
    }
    pending.current = valueJson;
    timer.current = setTimeout(flush, WAIT_MS);
  }, [valueJson, flush]);

  // Leaving the page (a tab tap, Back, closing the app) writes what is waiting at once.
  useEffect(() => {
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [flush]);

  const unsaved = valueJson !== initialJson && valueJson !== settled;
  useEffect(() => {
    if (!unsaved || !warn) return;
    const ask = (e: BeforeUnloadEvent) => {
      flush();
      e.preventDefault();
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsaved, warn, flush]);

  const forget = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
    written.current = live.current.valueJson;
    setSettled(live.current.valueJson);
    setRestored(false);
    writeKept(live.current.key, null);
  }, []);

  const discard = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
    written.current = live.current.initialJson;
    setRestored(false);
    writeKept(live.current.key, null);
    live.current.restore(JSON.parse(live.current.initialJson) as T);
  }, []);

  return { restored, unsaved, discard, forget };
}

/** Says calmly that the form was filled from this device, with a way to start afresh. */
export function KeptNote({
  kept,
  message = "We kept what you were writing on this device.",
}: {
  kept: KeptText;
  message?: string;
}) {
  if (!kept.restored) return null;
  return (
    <p
      role="status"
      className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 rounded-xl bg-accent-soft px-4 py-3 text-sm"
    >
      <span>{message}</span>
      <button
        type="button"
        onClick={kept.discard}
        className="min-h-10 font-semibold text-accent underline underline-offset-4"
      >
        Discard it
      </button>
    </p>
  );
}

/** On the page that follows signing out: no kept text stays on a shared phone. */
export function ForgetKeptText() {
  useEffect(() => forgetAllKeptText(), []);
  return null;
}

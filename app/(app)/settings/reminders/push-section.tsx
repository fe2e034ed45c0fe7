"use client";

import { type ReactNode, useCallback, useEffect, useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { mutationProblem, UNREACHABLE_NOTHING_CHANGED } from "@/app/_components/mutation-errors";
import { ask, useDoor } from "@/app/_trpc/client";

/** What this browser can do about notifications, found once it has loaded. */
type Device =
  | { state: "checking" }
  | { state: "unsupported" }
  | { state: "blocked" }
  | { state: "ready"; registration: ServiceWorkerRegistration; endpoint: string | null };

/** The VAPID key as the bytes PushManager.subscribe takes everywhere (Safari included). */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function findDevice(): Promise<Device> {
  if (
    !("serviceWorker" in navigator) ||
    !("PushManager" in window) ||
    !("Notification" in window)
  ) {
    return { state: "unsupported" };
  }
  if (Notification.permission === "denied") return { state: "blocked" };
  // Installed by ServiceWorkerRegister on signed-in pages (production builds only).
  const registration = await navigator.serviceWorker.getRegistration("/");
  if (!registration) return { state: "unsupported" };
  const subscription = await registration.pushManager.getSubscription();
  return { state: "ready", registration, endpoint: subscription?.endpoint ?? null };
}

const TEST_SAID = {
  sent: "Sent. It should pop up on this device in a moment.",
  gone: "This device stopped taking notifications. Turn them on again below.",
  failed: "This device's notification service didn't answer. Try again in a minute.",
} as const;

/**
 * Notifications on this device: turned on here (the browser asks first), tested, and
 * turned off. Each device is its own choice; signing the device out turns them off.
 */
export function PushSection({
  available,
  publicKey,
}: {
  available: boolean;
  publicKey: string | null;
}) {
  const [device, setDevice] = useState<Device>({ state: "checking" });
  const [said, setSaid] = useState<string>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    findDevice().then(setDevice, () => setDevice({ state: "unsupported" }));
  }, []);

  const endpoint = device.state === "ready" ? device.endpoint : null;
  const status = usePushStatus(available && device.state === "ready", endpoint);
  const on = status.data?.subscribed === true && endpoint !== null;
  const subscribe = useDoor((t) => t.push.subscribe.mutate);
  const unsubscribe = useDoor((t) => t.push.unsubscribe.mutate);
  const test = useDoor((t) => t.push.test.mutate, {
    onSuccess: ({ outcome }) => {
      setSaid(TEST_SAID[outcome]);
      if (outcome === "gone") void status.refetch();
    },
    onError: (error) => setProblem(mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message),
  });

  async function turnOn() {
    if (device.state !== "ready" || !publicKey) return;
    setSaid(undefined);
    setProblem(undefined);
    if ((await Notification.requestPermission()) !== "granted") {
      setDevice({ state: "blocked" });
      return;
    }
    let reached = false;
    try {
      const manager = device.registration.pushManager;
      const subscription =
        (await manager.getSubscription()) ??
        (await manager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(publicKey),
        }));
      const { endpoint: made = "", keys } = subscription.toJSON();
      reached = true;
      await subscribe.mutateAsync({
        endpoint: made,
        keys: { p256dh: keys?.p256dh ?? "", auth: keys?.auth ?? "" },
      });
      setDevice({ ...device, endpoint: made });
      await status.refetch();
      setSaid("Notifications are on for this device.");
    } catch (error) {
      setProblem(
        reached
          ? mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message
          : "This browser couldn't turn notifications on just now. Please try again in a moment.",
      );
    }
  }

  async function turnOff() {
    if (device.state !== "ready") return;
    setSaid(undefined);
    setProblem(undefined);
    try {
      await unsubscribe.mutateAsync({ endpoint });
      await (await device.registration.pushManager.getSubscription())?.unsubscribe();
      setDevice({ ...device, endpoint: null });
      setSaid("Notifications are off for this device.");
    } catch (error) {
      setProblem(mutationProblem(error, UNREACHABLE_NOTHING_CHANGED).message);
    }
  }

  let body: ReactNode;
  if (!available) {
    body = (
      <p>
        Notifications aren't set up here yet. Your reminders still show in the app and, if you like,
        by e-mail.
      </p>
    );
  } else if (
    device.state === "checking" ||
    (device.state === "ready" && status.isPending && endpoint)
  ) {
    body = <p className="text-muted">Checking this device…</p>;
  } else if (device.state === "unsupported") {
    body = (
      <p>
        This browser can't show notifications from this app. On an iPhone or iPad, add the app to
        your Home Screen first (Share, then “Add to Home Screen”) and open it from there.
      </p>
    );
  } else if (device.state === "blocked") {
    body = (
      <p>
        Notifications are blocked for this app in this browser. Allow them in the browser's site
        settings, then come back here.
      </p>
    );
  } else if (on) {
    body = (
      <>
        <p>Notifications are on for this device.</p>
        <Button busy={test.isPending} onClick={() => test.mutate({ endpoint })}>
          Send a test notification
        </Button>
        <Button variant="secondary" busy={unsubscribe.isPending} onClick={turnOff}>
          Turn off on this device
        </Button>
      </>
    );
  } else {
    body = (
      <>
        <p className="text-sm text-muted">
          Your phone will ask first. You can turn them off here, or by signing out on this device.
        </p>
        <Button busy={subscribe.isPending} onClick={turnOn}>
          Turn on notifications
        </Button>
      </>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <FormError message={problem} />
      {body}
      <p role="status" className="text-center text-sm text-ok">
        {said}
      </p>
    </div>
  );
}

/** Whether the server holds this device's subscription, asked again when the endpoint changes. */
function usePushStatus(enabled: boolean, endpoint: string | null) {
  const [data, setData] = useState<{ subscribed: boolean }>();
  const refetch = useCallback(async () => {
    setData(await ask((t) => t.push.status.query, { endpoint }));
  }, [endpoint]);
  useEffect(() => {
    if (enabled) refetch().catch(() => {});
  }, [enabled, refetch]);
  return { data, isPending: data === undefined, refetch };
}

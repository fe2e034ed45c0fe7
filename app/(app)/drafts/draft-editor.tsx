"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { Label } from "radix-ui";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { useLocale } from "@/app/_components/locale";
import { mutationProblem } from "@/app/_components/mutation-errors";
import { useHydrated } from "@/app/_components/use-hydrated";
import { useTRPC } from "@/app/_trpc/client";
import { DRAFT_MAX_CHARS, type DraftStep, type DraftView, draftBody } from "@/lib/schemas/drafts";
import { textLength } from "@/lib/schemas/text";
import { formatLocalTime } from "@/lib/stats/days";
import { formatCount } from "@/lib/stats/format";
import { CoolDownRing } from "./cool-down-ring";

type Answer = "yes" | "no";
type Check = DraftStep["checks"][number];

const bodyForm = z.object({ body: draftBody });

/**
 * Said when an answer isn't the healthy one: what the healthy answer is, kindly, and that
 * nothing happens until the person decides.
 */
function gentleNote(check: Check): string {
  return check.good === "yes"
    ? "Worth a second look. Messages land most gently when the answer here is “yes”. You could soften it and answer again; nothing is sent until you decide."
    : "Worth a second look. Messages land most gently when the answer here is “no”. You could take that part out and answer again; nothing is sent until you decide.";
}

interface Problem {
  message: string;
  /** Another device saved first: offer to load the newest version. */
  conflict: boolean;
}

/**
 * Writes and rewrites one message: the text, the step's self-check questions beside it
 * (below it on a phone), the hour it rests, and "Mark as sent" once it is ready. The
 * person's text stays in the box whatever goes wrong.
 */
export function DraftEditor({
  owner,
  draft,
  step,
  timeZone,
  renderedAt,
}: {
  /** The signed-in person's id: what they type is kept on the device under it. */
  owner: string;
  /** Null on the "new draft" page. */
  draft: DraftView | null;
  step: DraftStep;
  timeZone: string;
  /** The server's clock at render, so the first browser render matches it. */
  renderedAt: string;
}) {
  const trpc = useTRPC();
  const locale = useLocale();
  const router = useRouter();
  const hydrated = useHydrated();
  const ids = useId();
  const [saved, setSaved] = useState<DraftView | null>(draft);
  const [answers, setAnswers] = useState<Record<string, Answer>>(draft?.checks ?? {});
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [now, setNow] = useState(() => new Date(renderedAt));
  // Chosen once per page: a double tap or a retried save makes one draft.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  // Saves go one after another, each from the version the previous one returned, so quick
  // taps on two questions never conflict with each other.
  const version = useRef(draft?.version ?? 0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);

  // A problem shows above the editor: bring it into view, wherever the person tapped.
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [problem]);

  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const form = useForm<z.input<typeof bodyForm>>({
    resolver: zodResolver(bodyForm),
    defaultValues: { body: draft?.body ?? "" },
  });
  const body = form.watch("body");
  const kept = useKeptText({
    owner,
    form: draft ? `draft:${draft.id}` : `draft:new:${step.stepNumber}`,
    value: body,
    initial: saved?.body ?? "",
    restore: (text) => form.setValue("body", text),
  });
  const bodyError = form.formState.errors.body?.message;

  const create = useMutation(trpc.drafts.create.mutationOptions());
  const update = useMutation(trpc.drafts.update.mutationOptions());
  const markSent = useMutation(trpc.drafts.markSent.mutationOptions());
  const remove = useMutation(trpc.drafts.delete.mutationOptions());

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    setPending((n) => n + 1);
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run.finally(() => setPending((n) => n - 1));
  }

  function accept(result: DraftView) {
    version.current = result.version;
    setSaved(result);
  }

  function fail(error: unknown) {
    if (error instanceof TRPCClientError) {
      const fieldErrors = error.data?.fieldErrors as Record<string, string[]> | null | undefined;
      const onBody = fieldErrors?.body?.[0];
      if (onBody) {
        form.setError("body", { type: "server", message: onBody });
        return;
      }
      setProblem({
        message: mutationProblem(error).message,
        conflict: error.data?.code === "CONFLICT",
      });
      return;
    }
    setProblem({
      message: "We couldn't save just now. Your text is still here; please try again.",
      conflict: false,
    });
  }

  const sent = saved?.status === "sent";
  const dirty = body.trim() !== (saved?.body ?? "");
  const unanswered = step.checks.filter((c) => answers[c.key] === undefined);
  const cooled = saved !== null && now.getTime() >= saved.readyAt.getTime();
  const canSend = saved !== null && !sent && !dirty && unanswered.length === 0 && cooled;
  const notReadyBecause = !saved
    ? "Save your draft first."
    : dirty
      ? "Save your changes first."
      : unanswered.length > 0
        ? `Answer the ${unanswered.length === 1 ? "last question" : `${unanswered.length} questions`} first.`
        : !cooled
          ? `It will be ready at ${formatLocalTime(saved.readyAt, timeZone, locale, now)}.`
          : null;

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    setNotice(undefined);
    try {
      if (!saved) {
        let result = await create.mutateAsync({
          idempotencyKey,
          stepNumber: step.stepNumber,
          body: values.body,
        });
        if (Object.keys(answers).length > 0) {
          result = await update.mutateAsync({
            id: result.id,
            version: result.version,
            checks: answers,
          });
        }
        accept(result);
        kept.forget();
        router.replace(`/drafts/${result.id}`);
        return;
      }
      if (!dirty) {
        setNotice("Saved.");
        return;
      }
      const result = await enqueue(() =>
        update.mutateAsync({ id: saved.id, version: version.current, body: values.body }),
      );
      accept(result);
      form.reset({ body: result.body });
      kept.forget();
      setNotice("Saved. It rests for an hour from now.");
    } catch (error) {
      fail(error);
    }
  });

  function answer(key: string, value: Answer) {
    setAnswers((current) => ({ ...current, [key]: value }));
    setNotice(undefined);
    if (!saved) return; // sent along with the first save
    enqueue(() =>
      update.mutateAsync({ id: saved.id, version: version.current, checks: { [key]: value } }),
    ).then(accept, fail);
  }

  async function send() {
    if (!saved) return;
    setProblem(undefined);
    setNotice(undefined);
    try {
      const result = await enqueue(() =>
        markSent.mutateAsync({ id: saved.id, version: version.current }),
      );
      accept(result);
      setNotice("Marked as sent. Well done for taking your time with it.");
      router.refresh(); // the page's heading and the list say "sent" too
    } catch (error) {
      fail(error);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(body);
      setNotice("Copied. Paste it into your messages when you're ready.");
    } catch {
      setNotice("Your browser didn't let us copy. Select the text and copy it yourself.");
    }
  }

  async function discard() {
    if (!saved) return;
    try {
      await remove.mutateAsync({ id: saved.id });
    } catch (error) {
      // Already gone (a second tap, or the other device): that's what was wanted.
      if (!(error instanceof TRPCClientError && error.data?.code === "NOT_FOUND")) {
        fail(error);
        return;
      }
    }
    router.push("/drafts");
    router.refresh();
  }

  const bodyId = `${ids}-body`;
  const countId = `${ids}-count`;
  const errorId = `${ids}-error`;
  const sendHintId = `${ids}-send-hint`;
  const length = textLength(body);
  const over = length > DRAFT_MAX_CHARS;

  return (
    <div className="flex flex-col gap-6">
      {problem ? (
        <div ref={problemRef} className="flex scroll-mt-4 flex-col gap-3">
          <FormError message={problem.message} />
          {problem.conflict ? (
            <div className="flex flex-wrap gap-3">
              <Button variant="secondary" onClick={copy}>
                Copy my text
              </Button>
              <Button variant="secondary" onClick={() => router.refresh()}>
                Load the newest version
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[1fr_18rem] lg:items-start">
        <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
          <KeptNote kept={kept} />
          <Label.Root htmlFor={bodyId} className="text-sm font-semibold">
            Your message
          </Label.Root>
          <textarea
            id={bodyId}
            rows={8}
            dir="auto"
            readOnly={sent}
            aria-invalid={bodyError || over ? true : undefined}
            aria-describedby={[countId, bodyError ? errorId : null].filter(Boolean).join(" ")}
            className={`min-h-48 w-full resize-y rounded-xl border bg-surface px-4 py-3 text-base leading-relaxed text-ink placeholder:text-muted ${
              bodyError || over ? "border-danger" : "border-line"
            } ${sent ? "opacity-80" : ""}`}
            placeholder="Write it just as you'd send it."
            {...form.register("body")}
          />
          <div className="flex items-start justify-between gap-3 text-sm">
            {bodyError ? (
              <p id={errorId} role="alert" className="font-medium text-danger">
                {bodyError}
              </p>
            ) : (
              <span />
            )}
            <p
              id={countId}
              className={`shrink-0 tabular-nums ${over ? "font-semibold text-danger" : "text-muted"}`}
            >
              {formatCount(length, locale)} / {formatCount(DRAFT_MAX_CHARS, locale)}
              <span className="sr-only"> characters</span>
            </p>
          </div>
          {sent ? (
            <Button variant="secondary" onClick={copy}>
              Copy the text
            </Button>
          ) : (
            <div className="flex flex-wrap gap-3">
              <Button
                type="submit"
                busy={create.isPending || (update.isPending && dirty)}
                disabled={!hydrated}
                className="flex-1"
              >
                {saved ? "Save changes" : "Save draft"}
              </Button>
              {saved ? (
                <Button variant="secondary" onClick={copy} disabled={!hydrated}>
                  Copy
                </Button>
              ) : null}
            </div>
          )}
        </form>

        <section
          aria-labelledby={`${ids}-checks`}
          className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4"
        >
          <div>
            <h2 id={`${ids}-checks`} className="text-lg font-bold">
              {sent ? "Your answers" : "Before you send it"}
            </h2>
            <p className="text-sm text-muted">
              {sent
                ? "What you noticed when you read it again."
                : "Read it once more and answer honestly. Only you see this."}
            </p>
          </div>
          {step.checks.map((check) => {
            const chosen = answers[check.key];
            const off = chosen !== undefined && chosen !== check.good;
            const noteId = `${ids}-${check.key}-note`;
            return (
              <fieldset
                key={check.key}
                aria-describedby={off ? noteId : undefined}
                className="flex flex-col gap-2"
                disabled={sent || !hydrated}
              >
                <legend className="mb-2 font-semibold">{check.question}</legend>
                <div className="grid grid-cols-2 gap-2">
                  {(["yes", "no"] as const).map((value) => (
                    <label
                      key={value}
                      className="flex min-h-11 cursor-pointer items-center justify-center rounded-xl border border-line bg-surface font-semibold text-ink transition has-checked:border-accent has-checked:bg-accent has-checked:text-accent-ink has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent has-disabled:cursor-not-allowed"
                    >
                      <input
                        type="radio"
                        name={`${ids}-${check.key}`}
                        value={value}
                        checked={chosen === value}
                        onChange={() => answer(check.key, value)}
                        className="sr-only"
                      />
                      {value === "yes" ? "Yes" : "No"}
                    </label>
                  ))}
                </div>
                {off ? (
                  <p id={noteId} className="rounded-xl bg-accent-soft px-3 py-2 text-sm">
                    {gentleNote(check)}
                  </p>
                ) : null}
              </fieldset>
            );
          })}
        </section>
      </div>

      {sent ? (
        <p className="rounded-2xl bg-accent-soft p-4">
          You marked this as sent. However it's received, writing it with care was the brave part.
        </p>
      ) : (
        <section aria-label="Ready to send" className="flex flex-col gap-3">
          <CoolDownRing
            readyAt={saved?.readyAt ?? null}
            now={now}
            timeZone={timeZone}
            restarting={saved !== null && dirty}
          />
          <Button
            onClick={send}
            busy={markSent.isPending}
            disabled={!hydrated || !canSend || pending > 0}
            aria-describedby={notReadyBecause ? sendHintId : undefined}
          >
            Mark as sent
          </Button>
          <p id={sendHintId} className="text-center text-sm text-muted">
            {notReadyBecause ??
              "Rekindle never sends anything itself: send it from your own phone, then mark it here."}
          </p>
        </section>
      )}

      <p role="status" className="text-center text-sm text-ok">
        {notice}
      </p>

      {saved ? (
        confirmingDelete ? (
          <div className="flex flex-col gap-3 rounded-xl bg-accent-soft p-4">
            <p>Delete this draft for good? It can't be brought back.</p>
            <div className="flex gap-3">
              <Button variant="danger" busy={remove.isPending} onClick={discard} className="flex-1">
                Yes, delete it
              </Button>
              <Button
                variant="secondary"
                onClick={() => setConfirmingDelete(false)}
                className="flex-1"
              >
                Keep it
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="quiet" onClick={() => setConfirmingDelete(true)} disabled={!hydrated}>
            Delete draft
          </Button>
        )
      ) : null}
    </div>
  );
}

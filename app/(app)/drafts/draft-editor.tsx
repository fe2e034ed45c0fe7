"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/field";
import { KeptNote, useKeptText } from "@/app/_components/kept-text";
import { lazyResolver, useResolverSoon } from "@/app/_components/lazy-resolver";
import { isServerAnswer, mutationProblem } from "@/app/_components/mutation-errors";
import { useHydrated } from "@/app/_components/use-hydrated";
import { useDoor } from "@/app/_trpc/client";
import type { DraftBodyForm, DraftStep, DraftView } from "@/lib/schemas/drafts";
import { DeleteDraft } from "./delete-draft";
import { DraftBody } from "./draft-body";
import { type Answer, SelfChecks } from "./self-checks";
import { SendSection } from "./send-section";
import { useSaveQueue } from "./use-save-queue";

const resolver = lazyResolver(() => import("@/lib/schemas/drafts").then((s) => s.draftBodyForm));

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
  const router = useRouter();
  const hydrated = useHydrated();
  const [saved, setSaved] = useState<DraftView | null>(draft);
  const [answers, setAnswers] = useState<Record<string, Answer>>(draft?.checks ?? {});
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [now, setNow] = useState(() => new Date(renderedAt));
  // Chosen once per page: a double tap or a retried save makes one draft.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const { version, pending, enqueue } = useSaveQueue(draft?.version ?? 0);

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

  useResolverSoon(resolver);
  const form = useForm<DraftBodyForm>({
    resolver,
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

  const create = useDoor((t) => t.drafts.create.mutate);
  const update = useDoor((t) => t.drafts.update.mutate);
  const markSent = useDoor((t) => t.drafts.markSent.mutate);
  const remove = useDoor((t) => t.drafts.delete.mutate);

  function accept(result: DraftView) {
    version.current = result.version;
    setSaved(result);
  }

  function fail(error: unknown) {
    if (isServerAnswer(error)) {
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
  const unanswered = step.checks.filter((c) => answers[c.key] === undefined).length;

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
      if (!(isServerAnswer(error) && error.data?.code === "NOT_FOUND")) {
        fail(error);
        return;
      }
    }
    router.push("/drafts");
    router.refresh();
  }

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
          <DraftBody
            body={body}
            error={bodyError}
            sent={sent}
            registration={form.register("body")}
          />
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

        <SelfChecks
          checks={step.checks}
          answers={answers}
          sent={sent}
          disabled={!hydrated}
          onAnswer={answer}
        />
      </div>

      {sent ? (
        <p className="rounded-2xl bg-accent-soft p-4">
          You marked this as sent. However it's received, writing it with care was the brave part.
        </p>
      ) : (
        <SendSection
          saved={saved}
          dirty={dirty}
          unanswered={unanswered}
          now={now}
          timeZone={timeZone}
          busy={markSent.isPending}
          disabled={!hydrated || pending > 0}
          onSend={send}
        />
      )}

      <p role="status" className="text-center text-sm text-ok">
        {notice}
      </p>

      {saved ? (
        <DeleteDraft busy={remove.isPending} disabled={!hydrated} onConfirm={discard} />
      ) : null}
    </div>
  );
}

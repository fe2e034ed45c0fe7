import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ForgetKeptText } from "@/app/_components/kept-text";
import { Link } from "@/app/_components/link";
import { getCurrentSession } from "@/server/auth/current";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getCurrentSession()) redirect("/home");
  const params = await searchParams;
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Welcome back</h1>
        <p className="text-muted">Sign in to pick up where you left off.</p>
      </div>
      {params["signed-out"] ? (
        <p role="status" className="rounded-xl bg-accent-soft px-4 py-3 text-sm">
          You are signed out. See you soon.
          {/* Signing out is where a shared phone lets go of what was being written. */}
          <ForgetKeptText />
        </p>
      ) : null}
      {params.reset ? (
        <p role="status" className="rounded-xl bg-accent-soft px-4 py-3 text-sm">
          Your new password is saved, and every device was signed out. Sign in with it when you're
          ready.
          <ForgetKeptText />
        </p>
      ) : null}
      <SignInForm />
      <p className="text-center text-muted">
        New to Rekindle?{" "}
        <Link href="/sign-up" className="font-semibold text-accent underline underline-offset-4">
          Create an account
        </Link>
      </p>
    </>
  );
}

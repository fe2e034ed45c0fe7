import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Link } from "@/app/_components/link";
import { getCurrentSession } from "@/server/auth/current";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getCurrentSession()) redirect("/home");
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Create your account</h1>
        <p className="text-muted">
          Start with your e-mail address. Only you will see what you write here.
        </p>
      </div>
      <SignUpForm />
      <p className="text-center text-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-semibold text-accent underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </>
  );
}

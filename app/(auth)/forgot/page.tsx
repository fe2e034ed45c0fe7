import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPage() {
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Forgot your password?</h1>
        <p className="text-muted">
          It happens. Tell us the e-mail you signed up with, and we'll send you a link to choose a
          new one.
        </p>
      </div>
      <ForgotForm />
      <p className="text-center text-muted">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-semibold text-accent underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </>
  );
}

"use client";

import { forwardRef, type InputHTMLAttributes } from "react";
import { Field } from "./field";
import { PasswordMeter } from "./password-meter";

interface NewPasswordFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** What is typed so far, for the meter. */
  typed: string;
  /** The sentence under the meter. */
  advice: string;
  error?: string;
}

/** A field for choosing a password: the strength meter and a word of advice under it. */
export const NewPasswordField = forwardRef<HTMLInputElement, NewPasswordFieldProps>(
  function NewPasswordField({ typed, advice, ...props }, ref) {
    return (
      <Field
        ref={ref}
        type="password"
        autoComplete="new-password"
        hint={
          <>
            <PasswordMeter password={typed} />
            <span className="mt-1.5 block">{advice}</span>
          </>
        }
        {...props}
      />
    );
  },
);

import type { Metadata } from "next";
import { requireSession } from "@/server/auth/current";
import { Retake } from "./retake";

export const metadata: Metadata = { title: "Are you ready?" };

export default async function ReadinessPage() {
  await requireSession();
  return <Retake />;
}

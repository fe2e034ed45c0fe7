import "#server-only";
import { IMPORT_MAX_BYTES } from "@/lib/schemas/plain";
import { AppError } from "@/server/errors";
import { countLimits, door, json, requireJson } from "@/server/http/edge";
import { importAccount } from "@/server/services/import";

const TOO_LARGE = new AppError(
  "BAD_REQUEST",
  `This file is larger than an import can be (${IMPORT_MAX_BYTES / 1024 / 1024} MB).`,
  "file",
);
const NOT_JSON = new AppError(
  "BAD_REQUEST",
  "This file isn't an export from this app: it could not be read as JSON.",
  "file",
);

/**
 * The body as text, refused past IMPORT_MAX_BYTES as it arrives: the stated length can be
 * missing when the door is called without Rekindle's server in front.
 */
async function readCapped(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES) throw TOO_LARGE;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > IMPORT_MAX_BYTES) throw TOO_LARGE;
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * POST /api/import: a JSON export read into the signed-in person's account, if it is still
 * empty. Counted per address before anything is read, and per account once it is known.
 */
export function importDoor(now: () => Date = () => new Date()) {
  return door(
    {
      name: "import",
      session: "required",
      limits: ({ address }) => [["accountImport", `address:${address}`]],
    },
    async ({ request, db, session }) => {
      // The door answers 401 before this runs when there is no live session.
      if (!session) throw new Error("unreachable: the door requires a session");
      requireJson(request);
      await countLimits([["accountImport", `account:${session.user.id}`]]);
      let input: unknown;
      try {
        input = JSON.parse(await readCapped(request));
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw NOT_JSON;
      }
      const imported = await importAccount(db, { userId: session.user.id }, input, now());
      return json(200, { imported });
    },
  );
}

export const importData = importDoor();

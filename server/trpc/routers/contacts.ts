import "#server-only";
import { idOutput } from "@/lib/schemas/common";
import {
  contactFormContextOutput,
  contactIdInput,
  contactListOutput,
  contactOutput,
  createContactInput,
  listContactsInput,
  updateContactInput,
} from "@/lib/schemas/contacts";
import * as contacts from "@/server/services/contacts";
import { answer, protectedProcedure, router } from "../init";

/**
 * The contact log: each time the two were in touch. Times arrive as wall-clock time and are
 * read in the zone of the person's profile.
 */
export const contactsRouter = router({
  /** The most recent first, `limit` at a time; pass the answer's `nextCursor` for more. */
  list: protectedProcedure
    .input(listContactsInput)
    .output(answer(contactListOutput))
    .query(({ ctx, input }) => contacts.listContacts(ctx.db, ctx.actor, input)),

  byId: protectedProcedure
    .input(contactIdInput)
    .output(answer(contactOutput))
    .query(({ ctx, input }) => contacts.getContact(ctx.db, ctx.actor, input)),

  /** The plan in progress (null without one) and its steps, for the contact form. */
  formContext: protectedProcedure
    .output(answer(contactFormContextOutput))
    .query(({ ctx }) => contacts.formContext(ctx.db, ctx.actor)),

  create: protectedProcedure
    .input(createContactInput)
    .output(answer(contactOutput))
    .mutation(({ ctx, input }) =>
      contacts.createContact(ctx.db, ctx.actor, input, {
        timeZone: ctx.user.timeZone,
        locale: ctx.meta.locale,
      }),
    ),

  update: protectedProcedure
    .input(updateContactInput)
    .output(answer(contactOutput))
    .mutation(({ ctx, input }) =>
      contacts.updateContact(ctx.db, ctx.actor, input, {
        timeZone: ctx.user.timeZone,
        locale: ctx.meta.locale,
      }),
    ),

  delete: protectedProcedure
    .input(contactIdInput)
    .output(answer(idOutput))
    .mutation(({ ctx, input }) => contacts.deleteContact(ctx.db, ctx.actor, input)),
});

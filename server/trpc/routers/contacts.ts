import { router } from "../init";

export const contactsRouter = router({});

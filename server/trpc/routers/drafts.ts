import { router } from "../init";

export const draftsRouter = router({});

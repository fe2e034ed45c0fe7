import { router } from "../init";

export const journeyRouter = router({});

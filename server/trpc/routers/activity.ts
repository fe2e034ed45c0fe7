import { router } from "../init";

export const activityRouter = router({});

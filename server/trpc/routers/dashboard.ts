import { router } from "../init";

export const dashboardRouter = router({});

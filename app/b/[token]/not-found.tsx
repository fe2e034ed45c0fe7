import { LinkGone } from "../notices";

export default LinkGone;

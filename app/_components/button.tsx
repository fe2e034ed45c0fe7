/**
 * Buttons for every page. The class list is plain code, so server components can style a
 * link or a form's submit like a button; the component itself runs in the browser.
 */
export { buttonClass } from "./button-class";
export { Button } from "./button-client";

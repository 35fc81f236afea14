// Progressive enhancement only: every page works without this file. Loaded as a module from the page's own
// origin (the Content-Security-Policy allows no inline script), so these classes are set here, not inline.
import { initAll } from "/vendor/govuk-frontend/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Builds GOV.UK Frontend into ../wwwroot/vendor/govuk-frontend (run `npm ci && npm run build` here).
// The output is committed, so building and running Lantern needs no Node.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "wwwroot", "vendor", "govuk-frontend");
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");
mkdirSync(out, { recursive: true });

const css = compile(join(here, "lantern.scss"), {
  style: "compressed",
  loadPaths: [join(here, "node_modules")],
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
if (css.css.includes("GDS Transport") || css.css.includes("@font-face")) {
  throw new Error("the built CSS still names GDS Transport or declares a font face");
}
writeFileSync(join(out, "govuk-frontend.min.css"), css.css);
copyFileSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));

// axe-core is used only by the browser tests; its build goes into the test project.
const axeOut = join(here, "..", "..", "..", "tests", "Lantern.Web.Tests", "Browser", "axe");
mkdirSync(axeOut, { recursive: true });
copyFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), join(axeOut, "axe.min.js"));
copyFileSync(join(here, "node_modules", "axe-core", "LICENSE"), join(axeOut, "LICENSE"));
console.log(`built ${css.css.length} bytes of CSS into ${out}`);

// ESLint flat config: Next's rules, typescript-eslint, and the house rules on imports.
// Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// Imports use "@/": a relative path breaks when a file moves and hides which layer it reaches.
const relativeImports = { group: ["./*", "../*"], message: 'Import with "@/…".' };

// The layers, bottom up (README "Architecture"): the domain (lib/, plain TypeScript), the
// HTTP adapters (lib/http/), the wiring (lib/services.ts, and lib/auth/next.ts, the one
// Next glue), then app/, components/ and scripts/. An import only points down a layer.
const root = import.meta.dirname;
const domain = ["lib/!(http|auth)/**", "lib/auth/!(next).ts", "lib/!(services).ts"];
const wiring = ["lib/services.ts", "lib/auth/next.ts"];
const layers = [
  {
    target: domain,
    from: ["lib/http", ...wiring],
    message: "The domain does not import lib/http or the wiring: it takes what it needs as arguments.",
  },
  {
    target: "lib/http/**",
    from: wiring,
    message: "lib/http is given its services and authorization (lib/services.ts wires them).",
  },
  { target: "lib/**", from: ["app", "components", "scripts", "tests"], message: "lib/ is below app/ and scripts/." },
  {
    // A form may import the server action it posts to, and its state type; nothing else of app/.
    target: "components/**",
    from: ["app/**"],
    except: [`${root}/app/**/actions.ts`],
    message: "Components get what they show as props; from app/ only a server action and its state.",
  },
  { target: "scripts/**", from: ["app", "components"], message: "scripts/ calls lib/, not the web app." },
  { target: ["app/**", "components/**"], from: ["scripts"], message: "app/ calls lib/, not scripts/." },
  { target: ["app/**", "components/**", "scripts/**"], from: ["tests"], message: "Only tests import tests/." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    "node_modules/**",
    ".next/**",
    "generated/**",
    ".data/**",
    "coverage/**",
    "tests/.tmp/**",
    "next-env.d.ts",
  ]),
  {
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" } } },
    rules: {
      "no-restricted-imports": ["error", { patterns: [relativeImports] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Plain links on purpose: a full load leaves no disclosed result in the client router's
      // cache, gets a fresh CSP nonce, and behaves the same with JavaScript off.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    // Where eslint-config-next loads the import plugin.
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: { "import/no-restricted-paths": ["error", { basePath: root, zones: layers }] },
  },
  {
    // lib/ is plain TypeScript: React and Next stay out of it, but for its one glue file.
    files: ["lib/**"],
    ignores: ["lib/auth/next.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "use-intl", message: "In lib/, use-intl/core: the package root is React's." }],
          patterns: [
            relativeImports,
            {
              regex: "^(react|react-dom|next|@next/[^/]+)(/.*)?$",
              message: "lib/ is plain TypeScript, without React or Next (the one glue file: lib/auth/next.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests render with createElement in .ts files, where a typed children prop is the way.
    files: ["tests/**"],
    rules: { "react/no-children-prop": "off" },
  },
  {
    // next.config.js is CommonJS, read by Next itself.
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);

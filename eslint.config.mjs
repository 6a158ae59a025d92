// ESLint flat config: Next's rules, typescript-eslint, and the house rules on imports.
// Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

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
      // Imports use "@/": a relative path breaks when a file moves and hides which layer it reaches.
      "no-restricted-imports": ["error", { patterns: [{ group: ["./*", "../*"], message: 'Import with "@/…".' }] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Plain links on purpose: a full load leaves no disclosed result in the client router's
      // cache, gets a fresh CSP nonce, and behaves the same with JavaScript off.
      "@next/next/no-html-link-for-pages": "off",
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

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BootData } from '../../../shared/boot.js';

// Every HTML page is the SPA's index.html with the host's boot data and CSP nonce filled in.
// Without a web build (unit and integration tests), a minimal shell with the same
// placeholders keeps HTML responses honest about status and content.

export const WEB_DIST_DIR = fileURLToPath(new URL('../../../../dist/web/', import.meta.url));

const FALLBACK_SHELL = `<!doctype html>
<html lang="__SH_LANG__" dir="__SH_DIR__">
<head><meta charset="utf-8" /><meta name="csp-nonce" content="__SH_NONCE__" />
<meta name="theme-color" content="__SH_THEME__" /><title>__SH_TITLE__</title></head>
<body><noscript>__SH_TITLE__</noscript>
<script id="boot-data" type="application/json">__SH_BOOT__</script></body>
</html>`;

export interface ShellValues {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  nonce: string;
  themeColor: string;
  boot: BootData;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON that cannot close the surrounding <script> element or start a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export class HtmlShell {
  readonly template: string;
  readonly built: boolean;

  constructor(distDir: string = WEB_DIST_DIR) {
    const indexPath = `${distDir}index.html`;
    this.built = fs.existsSync(indexPath);
    this.template = this.built ? fs.readFileSync(indexPath, 'utf8') : FALLBACK_SHELL;
  }

  render(values: ShellValues): string {
    const replacements: Record<string, string> = {
      __SH_LANG__: escapeHtml(values.lang),
      __SH_DIR__: values.dir,
      __SH_TITLE__: escapeHtml(values.title),
      __SH_NONCE__: escapeHtml(values.nonce),
      __SH_THEME__: escapeHtml(values.themeColor),
      __SH_BOOT__: jsonForScript(values.boot),
    };
    return this.template.replace(/__SH_[A-Z]+__/g, (token) => replacements[token] ?? token);
  }
}

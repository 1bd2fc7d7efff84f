import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../src-shared/security/csp';

/**
 * Writes the CSP into built HTML as a meta tag: Electron loads the renderer from file://,
 * where no response header can carry it. Dev builds skip it (Vite's hot reload needs inline
 * scripts); the shell and the harness still send it as a header where there is one.
 */
export function cspMeta(): Plugin {
  return {
    name: 'otklik-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        // frame-ancestors has no effect in a meta tag (browsers warn); the header carries it.
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}" />`,
      ),
  };
}

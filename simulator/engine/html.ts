import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * A whole HTML document: the doctype, then the page's tree rendered to a string there and then.
 * Rendering is synchronous and keeps no per-render context, so no AsyncLocalStorage is ever
 * entered (hono/jsx enters one per component, and on Node 20 that leaves a promise hook running
 * for every promise of the process from then on).
 */
export const htmlDocument = <P>(page: VNode<P>): string => `<!doctype html>${renderToString(page)}`;

/** A fragment of markup, such as a console panel's, for a page that inserts it as it is. */
export const htmlFragment = <P>(markup: VNode<P>): string => renderToString(markup);

/**
 * What the reference domain offers that also runs in the browser (no store, no file): the
 * markets and their names. Code shared by the server and the web app imports it from here.
 */
export { type FocusMarket, focusMarkets, type Market, marketNames } from './markets.ts';

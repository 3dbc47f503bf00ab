/**
 * Blockwatch's permanent Firefox add-on id. The project owns no domain, so the id is a GUID in
 * braces, generated once (2026-12-07) and never changed: Firefox keys the add-on's storage, its
 * updates and its listing on addons.mozilla.org by it (an `*.invalid` address may not be submitted).
 * https://extensionworkshop.com/documentation/develop/extensions-and-the-add-on-id/
 */
export const GECKO_ID = '{a9352ed9-6275-4257-a79f-d15f68aa827a}';

/**
 * sessionStorage keys shared by the launcher (view.ts) and the full client: the launcher only checks
 * whether they are set, to restore an open conversation right away.
 */
export const CONVERSATION_KEY = 'handoff-bot:conversation';
export const OUTBOX_KEY = 'handoff-bot:outbox';

/**
 * What every part of the chat panel shares: the block, its config and strings, the client (once it
 * is connected) and the message input.
 */
import type { ChatConfig, ChatStrings } from '../../types';
import type { ChatClient } from '../client';
import type { Clock } from '../outbox';

export type ViewContext = {
	root: HTMLElement;
	config: ChatConfig;
	s: ChatStrings;
	/** A prefix for ids unique to this block. */
	uid: string;
	/** The client, null until connected. */
	client: () => ChatClient | null;
	input: HTMLInputElement | null;
	/** The chat's clock (injected in tests). */
	clock: Clock;
};

/**
 * Registers the handoff-bot/chat block in the editor.
 */
import { registerBlockType } from '@wordpress/blocks';
import type { BlockConfiguration } from '@wordpress/blocks';

import metadata from './block.json';
import Edit from './edit';
import type { ChatAttributes } from './types';
import './style.scss';
import './editor.scss';

registerBlockType< ChatAttributes >(
	metadata as BlockConfiguration< ChatAttributes >,
	{
		edit: Edit,
		// Dynamic block: render.php prints the front end.
		save: () => null,
	}
);

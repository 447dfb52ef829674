/**
 * @wordpress/block-editor ships no complete type declarations; these cover what this plugin uses.
 */
declare module '@wordpress/block-editor' {
	import type { ComponentType, HTMLAttributes, ReactNode } from 'react';

	export function useBlockProps< T extends HTMLAttributes< HTMLElement > & Record< string, unknown > >(
		props?: T
	): T & { className: string; id?: string; style?: Record< string, string > };

	export const InspectorControls: ComponentType< { children?: ReactNode; group?: string } >;
}

// The block editor package ships no complete type declarations; these cover what this plugin uses.
declare module '@wordpress/block-editor' {
	import type { ComponentType, HTMLAttributes, ReactNode } from 'react';

	type BlockProps = HTMLAttributes< HTMLElement > & Record< string, unknown >;

	export function useBlockProps< T extends BlockProps >(
		props?: T
	): T & { className: string; id?: string; style?: Record< string, string > };

	export const InspectorControls: ComponentType< {
		children?: ReactNode;
		group?: string;
	} >;
}

/** The block's attributes, as declared in block.json. */
export type ChatAttributes = {
	title: string;
	greeting: string;
	placeholder: string;
	display: 'inline' | 'floating';
	showHumanButton: boolean;
};

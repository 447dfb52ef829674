/**
 * The block's editor view: settings in the sidebar and a static preview of the chat.
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	PanelBody,
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { ChatAttributes } from './types';

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< ChatAttributes > ) {
	const { title, greeting, placeholder, display, showHumanButton } =
		attributes;
	const blockProps = useBlockProps( {
		className: `is-display-${ display }`,
	} );

	const shownTitle = title || __( 'Questions? Ask us', 'handoff-bot' );
	const shownGreeting =
		greeting ||
		__(
			'Hi! Ask me anything about this site. I answer from its pages and can put you in touch with a person.',
			'handoff-bot'
		);
	const shownPlaceholder =
		placeholder || __( 'Type your question…', 'handoff-bot' );

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Chat settings', 'handoff-bot' ) }>
					<TextControl
						__next40pxDefaultSize
						label={ __( 'Title', 'handoff-bot' ) }
						value={ title }
						placeholder={ __( 'Questions? Ask us', 'handoff-bot' ) }
						onChange={ ( value: string ) =>
							setAttributes( { title: value } )
						}
					/>
					<TextareaControl
						label={ __( 'Greeting', 'handoff-bot' ) }
						value={ greeting }
						onChange={ ( value: string ) =>
							setAttributes( { greeting: value } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						label={ __( 'Input placeholder', 'handoff-bot' ) }
						value={ placeholder }
						onChange={ ( value: string ) =>
							setAttributes( { placeholder: value } )
						}
					/>
					<SelectControl
						__next40pxDefaultSize
						label={ __( 'Display', 'handoff-bot' ) }
						value={ display }
						options={ [
							{
								label: __(
									'Inline on the page',
									'handoff-bot'
								),
								value: 'inline',
							},
							{
								label: __( 'Floating launcher', 'handoff-bot' ),
								value: 'floating',
							},
						] }
						onChange={ ( value: string ) =>
							setAttributes( {
								display:
									value === 'floating'
										? 'floating'
										: 'inline',
							} )
						}
					/>
					<ToggleControl
						label={ __(
							'Show a “Talk to a person” button',
							'handoff-bot'
						) }
						checked={ showHumanButton }
						onChange={ ( value: boolean ) =>
							setAttributes( { showHumanButton: value } )
						}
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				<div className="handoff-bot-chat__panel" aria-hidden="true">
					<div className="handoff-bot-chat__header">
						<p className="handoff-bot-chat__title">
							{ shownTitle }
						</p>
					</div>
					<div className="handoff-bot-chat__log">
						<p className="handoff-bot-chat__msg is-bot">
							{ shownGreeting }
						</p>
					</div>
					<div className="handoff-bot-chat__form">
						<span className="handoff-bot-chat__input">
							{ shownPlaceholder }
						</span>
						<span className="handoff-bot-chat__send">
							{ __( 'Send', 'handoff-bot' ) }
						</span>
					</div>
					{ showHumanButton && (
						<div className="handoff-bot-chat__actions">
							<span className="handoff-bot-chat__human">
								{ __( 'Talk to a person', 'handoff-bot' ) }
							</span>
						</div>
					) }
				</div>
			</div>
		</>
	);
}

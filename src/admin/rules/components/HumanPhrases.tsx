/**
 * The phrases that ask for a person, one list per language, and a way to add a language (by its
 * code, such as "it" or "pt-br") or remove one.
 */
import { Button, Flex, FlexItem, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { PolicyErrors } from '../../../shared/types/rules';
import { errorAt } from '../errors';
import FieldError, { describedBy } from './FieldError';
import LinesField from './LinesField';

type Props = {
	phrases: Record< string, string[] >;
	errors: PolicyErrors;
	onChange: ( phrases: Record< string, string[] > ) => void;
};

const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

export function languageName( code: string ): string {
	try {
		const names = new Intl.DisplayNames( undefined, { type: 'language' } );
		const name = names.of( code );
		return name && name !== code ? `${ name } (${ code })` : code;
	} catch {
		return code;
	}
}

export default function HumanPhrases( { phrases, errors, onChange }: Props ) {
	const [ code, setCode ] = useState( '' );
	const [ codeError, setCodeError ] = useState( '' );
	const languages = Object.keys( phrases );

	const add = () => {
		const next = code.trim().toLowerCase().replace( '_', '-' );
		if ( ! CODE.test( next ) ) {
			setCodeError(
				__(
					'Enter a language code of two or three letters, such as “it”, or with a region, such as “pt-br”.',
					'handoff-bot'
				)
			);
			return;
		}
		if ( languages.includes( next ) ) {
			setCodeError(
				__( 'This language already has its phrases.', 'handoff-bot' )
			);
			return;
		}
		setCode( '' );
		setCodeError( '' );
		onChange( { ...phrases, [ next ]: [] } );
		window.setTimeout(
			() =>
				document
					.getElementById( `handoff-bot-rules-phrases-${ next }` )
					?.focus(),
			0
		);
	};

	return (
		<Flex direction="column" gap={ 4 } align="stretch">
			<p className="handoff-bot-rules__intro">
				{ __(
					'When a visitor writes one of these (or something close, typos included), a person takes over at once. Only sentences that ask for a person count, not those that mention one.',
					'handoff-bot'
				) }
			</p>
			<FieldError
				id="handoff-bot-rules-phrases__error"
				message={ errorAt( errors, 'human_phrases' ) }
			/>
			{ languages.map( ( language ) => (
				<Flex key={ language } align="flex-start" gap={ 2 }>
					<FlexItem isBlock>
						<LinesField
							id={ `handoff-bot-rules-phrases-${ language }` }
							label={ sprintf(
								/* translators: %s: language name. */
								__(
									'Phrases in %s (one per line)',
									'handoff-bot'
								),
								languageName( language )
							) }
							value={ phrases[ language ] ?? [] }
							error={ errorAt(
								errors,
								`human_phrases.${ language }`
							) }
							onChange={ ( list ) =>
								onChange( { ...phrases, [ language ]: list } )
							}
						/>
					</FlexItem>
					<Button
						__next40pxDefaultSize
						className="handoff-bot-rules__remove-language"
						variant="tertiary"
						isDestructive
						onClick={ () => {
							const next = { ...phrases };
							delete next[ language ];
							onChange( next );
						} }
					>
						{ sprintf(
							/* translators: %s: language name. */
							__( 'Remove %s', 'handoff-bot' ),
							languageName( language )
						) }
					</Button>
				</Flex>
			) ) }
			<Flex align="flex-start" justify="flex-start" gap={ 2 }>
				<div className="handoff-bot-rules__language">
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						id="handoff-bot-rules-language"
						label={ __( 'Language code', 'handoff-bot' ) }
						value={ code }
						onChange={ setCode }
						onKeyDown={ ( event ) => {
							if ( event.key === 'Enter' ) {
								event.preventDefault();
								add();
							}
						} }
						{ ...describedBy(
							'handoff-bot-rules-language',
							false,
							!! codeError
						) }
					/>
					<FieldError
						id="handoff-bot-rules-language__error"
						message={ codeError }
					/>
				</div>
				<Button
					__next40pxDefaultSize
					className="handoff-bot-rules__add-language"
					variant="secondary"
					onClick={ add }
				>
					{ __( 'Add a language', 'handoff-bot' ) }
				</Button>
			</Flex>
		</Flex>
	);
}

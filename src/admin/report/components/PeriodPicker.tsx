/**
 * The period and configuration version the report shows. A preset applies at once; custom days
 * apply with "Show", once they make a period the server takes.
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { PeriodPreset } from '../../../shared/types/reports';
import { versionLabel } from '../labels';
import { periodError, presetOptions, type PeriodChoice } from '../period';

type Props = {
	choice: PeriodChoice;
	version: number;
	versions: number[];
	onChange: ( choice: PeriodChoice ) => void;
	onVersion: ( version: number ) => void;
};

export default function PeriodPicker( {
	choice,
	version,
	versions,
	onChange,
	onVersion,
}: Props ) {
	const [ draft, setDraft ] = useState< PeriodChoice >( choice );
	const [ error, setError ] = useState( '' );
	useEffect( () => setDraft( choice ), [ choice ] );

	const apply = ( next: PeriodChoice ) => {
		const problem = periodError( next );
		setError( problem );
		if ( ! problem ) {
			onChange( next );
		}
	};
	const dated = draft.preset === 'month' || draft.preset === 'quarter';

	return (
		<form
			className="handoff-bot-report__period"
			aria-label={ __( 'Choose the period', 'handoff-bot' ) }
			onSubmit={ ( event ) => {
				event.preventDefault();
				apply( draft );
			} }
		>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Period', 'handoff-bot' ) }
				value={ draft.preset }
				options={ presetOptions() }
				onChange={ ( value ) => {
					const next = { ...draft, preset: value as PeriodPreset };
					setDraft( next );
					setError( '' );
					if ( next.preset !== 'custom' ) {
						apply( { ...next, from: '', to: '' } );
					}
				} }
			/>
			{ dated && (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="date"
					label={
						draft.preset === 'month'
							? __( 'A day in the month', 'handoff-bot' )
							: __( 'A day in the quarter', 'handoff-bot' )
					}
					help={ __( 'Empty: the current one.', 'handoff-bot' ) }
					value={ draft.from }
					onChange={ ( value ) =>
						setDraft( { ...draft, from: value } )
					}
				/>
			) }
			{ draft.preset === 'custom' && (
				<>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'From', 'handoff-bot' ) }
						value={ draft.from }
						onChange={ ( value ) =>
							setDraft( { ...draft, from: value } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'To', 'handoff-bot' ) }
						value={ draft.to }
						onChange={ ( value ) =>
							setDraft( { ...draft, to: value } )
						}
					/>
				</>
			) }
			{ ( dated || draft.preset === 'custom' ) && (
				<Button variant="secondary" type="submit" __next40pxDefaultSize>
					{ __( 'Show', 'handoff-bot' ) }
				</Button>
			) }
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Configuration version', 'handoff-bot' ) }
				value={ String( version ) }
				options={ [
					{ value: '0', label: __( 'All versions', 'handoff-bot' ) },
					...versions.map( ( v ) => ( {
						value: String( v ),
						label: versionLabel( v ),
					} ) ),
				] }
				onChange={ ( value ) => onVersion( Number( value ) ) }
			/>
			{ error && (
				<p className="handoff-bot-report__error" role="alert">
					{ error }
				</p>
			) }
		</form>
	);
}

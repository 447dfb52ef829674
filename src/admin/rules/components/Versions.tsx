/**
 * The version history: who saved each version, when, with what note and expected impact, and
 * which is active; the difference between any two; and a rollback to an earlier one.
 */
import {
	Button,
	Flex,
	Notice,
	SelectControl,
	Spinner,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { getVersion, getVersions } from '../../../shared/api/rules';
import type { SavedRules, VersionSummary } from '../../../shared/types/rules';
import { diffPolicies, type PolicyDiff } from '../diff';
import { formatDate } from '../labels';
import DiffView from './DiffView';
import RollbackDialog from './RollbackDialog';

type Props = {
	/** The active version (the base of a rollback); a new one reloads the list. */
	activeVersion: number;
	dirty: boolean;
	onRolledBack: ( saved: SavedRules ) => void;
	onReload: () => void;
};

const PER_PAGE = 20;

export default function Versions( {
	activeVersion,
	dirty,
	onRolledBack,
	onReload,
}: Props ) {
	const [ page, setPage ] = useState( 1 );
	const [ list, setList ] = useState< {
		versions: VersionSummary[];
		total: number;
	} | null >( null );
	const [ error, setError ] = useState( '' );
	const [ from, setFrom ] = useState( '' );
	const [ to, setTo ] = useState( '' );
	const [ comparing, setComparing ] = useState( false );
	const [ diff, setDiff ] = useState< {
		from: number;
		to: number;
		diff: PolicyDiff;
	} | null >( null );
	const [ rollback, setRollback ] = useState< number | null >( null );

	useEffect( () => {
		let live = true;
		setError( '' );
		getVersions( page, PER_PAGE )
			.then( ( found ) => {
				if ( ! live ) {
					return;
				}
				setList( found );
				const [ newest, previous ] = found.versions;
				setTo( ( v ) => v || String( newest?.version ?? '' ) );
				setFrom( ( v ) => v || String( previous?.version ?? '' ) );
			} )
			.catch( ( e ) => live && setError( errorMessage( e ) ) );
		return () => {
			live = false;
		};
	}, [ page, activeVersion ] );

	const compare = async () => {
		setComparing( true );
		setError( '' );
		try {
			const [ a, b ] = await Promise.all( [
				getVersion( Number( from ) ),
				getVersion( Number( to ) ),
			] );
			setDiff( {
				from: a.version,
				to: b.version,
				diff: diffPolicies( a.policy, b.policy ),
			} );
		} catch ( e ) {
			setError( errorMessage( e ) );
		} finally {
			setComparing( false );
		}
	};

	if ( ! list ) {
		return error ? (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		) : (
			<Spinner />
		);
	}

	const pages = Math.max( 1, Math.ceil( list.total / PER_PAGE ) );
	const options = list.versions.map( ( v ) => ( {
		value: String( v.version ),
		label: sprintf(
			/* translators: 1: version number, 2: date and time. */
			__( 'Version %1$d (%2$s)', 'handoff-bot' ),
			v.version,
			formatDate( v.created_at )
		),
	} ) );

	return (
		<Flex direction="column" gap={ 6 } align="stretch">
			{ error && (
				<Notice status="error" onRemove={ () => setError( '' ) }>
					{ error }
				</Notice>
			) }
			<table className="widefat striped handoff-bot-rules__table">
				<caption className="screen-reader-text">
					{ __( 'Versions of the rules', 'handoff-bot' ) }
				</caption>
				<thead>
					<tr>
						<th scope="col">{ __( 'Version', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Saved by', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Saved on', 'handoff-bot' ) }</th>
						<th scope="col">{ __( 'Note', 'handoff-bot' ) }</th>
						<th scope="col">
							{ __( 'Expected impact', 'handoff-bot' ) }
						</th>
						<th scope="col">
							<span className="screen-reader-text">
								{ __( 'Actions', 'handoff-bot' ) }
							</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{ list.versions.map( ( v ) => (
						<tr key={ v.version }>
							<th scope="row">
								{ v.version }
								{ v.active && (
									<>
										{ ' ' }
										<span className="handoff-bot-rules__active">
											{ __( 'Active', 'handoff-bot' ) }
										</span>
									</>
								) }
							</th>
							<td>{ v.author?.name ?? '—' }</td>
							<td>{ formatDate( v.created_at ) }</td>
							<td>{ v.note || '—' }</td>
							<td>{ v.expected_impact || '—' }</td>
							<td>
								{ ! v.active && (
									<Button
										size="compact"
										variant="link"
										onClick={ () =>
											setRollback( v.version )
										}
									>
										{ sprintf(
											/* translators: %d: version number. */
											__(
												'Roll back to version %d',
												'handoff-bot'
											),
											v.version
										) }
									</Button>
								) }
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
			{ pages > 1 && (
				<Flex justify="flex-start" gap={ 2 }>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						disabled={ page <= 1 }
						accessibleWhenDisabled
						onClick={ () => setPage( page - 1 ) }
					>
						{ __( 'Newer versions', 'handoff-bot' ) }
					</Button>
					<span>
						{ sprintf(
							/* translators: 1: page number, 2: number of pages. */
							__( 'Page %1$d of %2$d', 'handoff-bot' ),
							page,
							pages
						) }
					</span>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						disabled={ page >= pages }
						accessibleWhenDisabled
						onClick={ () => setPage( page + 1 ) }
					>
						{ __( 'Older versions', 'handoff-bot' ) }
					</Button>
				</Flex>
			) }
			{ list.versions.length > 1 && (
				<section
					aria-labelledby="handoff-bot-rules-compare-title"
					className="handoff-bot-rules__compare"
				>
					<h3 id="handoff-bot-rules-compare-title">
						{ __( 'Compare two versions', 'handoff-bot' ) }
					</h3>
					<Flex align="flex-end" justify="flex-start" gap={ 2 } wrap>
						<SelectControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'From version', 'handoff-bot' ) }
							value={ from }
							options={ options }
							onChange={ setFrom }
						/>
						<SelectControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'To version', 'handoff-bot' ) }
							value={ to }
							options={ options }
							onChange={ setTo }
						/>
						<Button
							__next40pxDefaultSize
							variant="secondary"
							isBusy={ comparing }
							disabled={ comparing || ! from || ! to }
							accessibleWhenDisabled
							onClick={ compare }
						>
							{ __( 'Show the differences', 'handoff-bot' ) }
						</Button>
					</Flex>
					{ diff && (
						<div aria-live="polite">
							<h4 className="handoff-bot-rules__diff-title">
								{ sprintf(
									/* translators: 1: older version, 2: newer version. */
									__(
										'From version %1$d to version %2$d',
										'handoff-bot'
									),
									diff.from,
									diff.to
								) }
							</h4>
							<DiffView diff={ diff.diff } />
						</div>
					) }
				</section>
			) }
			{ rollback !== null && (
				<RollbackDialog
					version={ rollback }
					baseVersion={ activeVersion }
					dirty={ dirty }
					onClose={ () => setRollback( null ) }
					onDone={ ( saved ) => {
						setRollback( null );
						setPage( 1 );
						onRolledBack( saved );
					} }
					onReload={ () => {
						setRollback( null );
						onReload();
					} }
				/>
			) }
		</Flex>
	);
}

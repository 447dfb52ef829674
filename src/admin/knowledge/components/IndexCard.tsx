/**
 * The knowledge index's state, and its rebuild with a progress bar.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Flex,
	Notice,
	ProgressBar,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { IndexState, RebuildStep } from '../../../shared/types';

type Props = {
	index: IndexState;
	rebuilding: boolean;
	progress: RebuildStep | null;
	onRebuild: () => void;
};

export default function IndexCard( {
	index,
	rebuilding,
	progress,
	onRebuild,
}: Props ) {
	const percent =
		progress && progress.total > 0
			? Math.round( ( progress.done / progress.total ) * 100 )
			: 0;
	return (
		<Card>
			<CardHeader>
				<h2>{ __( 'Knowledge index', 'handoff-bot' ) }</h2>
			</CardHeader>
			<CardBody>
				<Flex direction="column" gap={ 4 } align="flex-start">
					<p>
						{ sprintf(
							/* translators: 1: posts indexed, 2: posts that can be indexed, 3: passages. */
							__(
								'%1$d of %2$d posts indexed, in %3$d passages. Published changes are indexed as they are saved.',
								'handoff-bot'
							),
							index.posts,
							index.indexable,
							index.passages
						) }
					</p>
					{ index.last_error && ! rebuilding && (
						<Notice status="warning" isDismissible={ false }>
							{ __(
								'An update of the index failed, so some answers may use old content. Rebuild the index to bring it up to date.',
								'handoff-bot'
							) }
						</Notice>
					) }
					{ rebuilding && (
						<div
							className="handoff-bot-knowledge__progress"
							role="status"
						>
							<ProgressBar value={ percent } />
							<p>
								{ progress
									? sprintf(
											/* translators: 1: posts done, 2: total posts. */
											__(
												'Indexed %1$d of %2$d posts…',
												'handoff-bot'
											),
											progress.done,
											progress.total
										)
									: __( 'Starting…', 'handoff-bot' ) }
							</p>
						</div>
					) }
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ onRebuild }
						isBusy={ rebuilding }
						disabled={ rebuilding }
					>
						{ __( 'Rebuild the index', 'handoff-bot' ) }
					</Button>
				</Flex>
			</CardBody>
		</Card>
	);
}
